package io.github.cfqueues.client.internal.publish;

import io.github.cfqueues.client.BatchingSettings;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.MessageRejectedException;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.internal.api.EncodedMessage;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.metrics.CloudflareQueuesMeters;
import io.github.cfqueues.client.observation.QueueOperation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Gathers single pushes into batch requests. A batch leaves when a place in flight is free ({@link
 * BatchingSettings#maxInFlight() max-in-flight}) and the gathered messages reach {@link
 * BatchingSettings#maxMessages() max-messages} or {@link BatchingSettings#maxBytes() max-bytes}, or the oldest has
 * waited {@link BatchingSettings#maxWait() max-wait}, or a flush asks for it. With the default max-wait of zero, what
 * is gathered leaves as soon as a place is free: a lone push waits for nothing, and pushes gather only while
 * batches are in flight, so batches grow with the load. A batch gives back its place in flight when its answer
 * arrives, before its callers are told, so that the next request travels while they are. A batch first waits for its rate-limit permit and takes its
 * messages only once it has it, so under a rate limit each request carries everything gathered meanwhile, up to
 * Cloudflare's caps (100 messages, 256,000 bytes).
 * <p>
 * Each message's {@code Mono} completes only when its batch's answer arrives, with that answer or the batch's error;
 * a failed batch is retried as a whole under the retry policy. When Cloudflare rejects a batch for its content, its
 * messages are sent again in halves until only the rejected ones fail. Cancelling a push before its batch is sent
 * withdraws the message (and the batch's permit, when it was the last one waiting); after that, the message may be
 * delivered. No failure of one batch stops the next.
 * <p>
 * With one batch in flight at a time (the default), messages leave in push order, retries included. With more,
 * batches may be answered, and retried, out of order. Flow control bounds what the publisher holds.
 * {@link #pushBatch(List)} bypasses gathering: its messages travel in their own requests.
 */
public final class BatchingQueuePublisher implements QueuePublisher, GracefulShutdown {

	private static final Logger logger = LoggerFactory.getLogger(BatchingQueuePublisher.class);

	private static final String OPERATION = "batch push";

	private static final ToIntFunction<Throwable> ONE_MESSAGE = (error) -> 1;

	private final MessageEncoder encoder;

	private final QueueSender sender;

	final FlowController flow;

	private final BatchingSettings settings;

	private final DefaultQueuePublisher direct;

	private final Scheduler timer;

	private final LongSupplier nanoClock;

	private final ArrayDeque<Entry> pending = new ArrayDeque<>();

	private int pendingCount;

	private long pendingBytes;

	private long nextSequence;

	private @Nullable Batch waiting;

	private final Set<Batch> sent = new LinkedHashSet<>();

	private int inFlight;

	private long flushUpTo = -1;

	private final List<FlushWaiter> flushWaiters = new ArrayList<>();

	private boolean timerArmed;

	private Disposable maxWaitTimer = Disposables.disposed();

	/**
	 * Creates a batching publisher on top of a per-message one, whose encoder, sender and flow control it shares:
	 * gathered pushes and {@link #pushBatch(List) batch pushes} count against the same limits.
	 * @param direct the publisher batch pushes go through
	 * @param settings the batching triggers
	 */
	public BatchingQueuePublisher(DefaultQueuePublisher direct, BatchingSettings settings) {
		this(direct, settings, Schedulers.parallel(), System::nanoTime);
	}

	BatchingQueuePublisher(DefaultQueuePublisher direct, BatchingSettings settings, Scheduler timer,
			LongSupplier nanoClock) {
		this.direct = Objects.requireNonNull(direct, "direct must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.encoder = direct.encoder;
		this.sender = direct.sender;
		this.flow = direct.flow;
		this.timer = timer;
		this.nanoClock = nanoClock;
	}

	@Override
	public String queueName() {
		return this.sender.endpoint().name();
	}

	@Override
	public Mono<MessagePushResponse> push(QueueMessage message) {
		Objects.requireNonNull(message, "The message must not be null");
		return this.sender.instrumentation().countFailures(QueueOperation.PUSH, ONE_MESSAGE, Mono.create((caller) -> {
			EncodedMessage encoded = this.encoder.encode(message, 0, "push");
			Entry entry = new Entry(encoded, caller);
			Disposable admission = this.flow.admit(1, encoded.size(), () -> gather(entry), caller::error);
			caller.onCancel(() -> {
				admission.dispose();
				withdraw(entry);
			});
		}));
	}

	@Override
	public Mono<BatchPushResponse> pushBatch(List<QueueMessage> messages) {
		return this.direct.pushBatch(messages);
	}

	private void gather(Entry entry) {
		Batch begin = null;
		boolean withdrawn;
		synchronized (this) {
			withdrawn = entry.state != Entry.State.NEW;
			if (!withdrawn) {
				entry.state = Entry.State.PENDING;
				entry.sequence = this.nextSequence++;
				entry.gatheredAt = now();
				this.pending.add(entry);
				this.pendingCount++;
				this.pendingBytes += entry.size();
				begin = dispatch();
			}
		}
		if (withdrawn) {
			this.flow.release(1, entry.size());
		}
		awaitPermit(begin);
	}

	private void withdraw(Entry entry) {
		Batch dropped = null;
		List<Sinks.Empty<Void>> flushed;
		synchronized (this) {
			if (entry.state == Entry.State.NEW) {
				entry.state = Entry.State.DONE;
				return;
			}
			if (entry.state != Entry.State.PENDING) {
				return;
			}
			entry.state = Entry.State.DONE;
			this.pendingCount--;
			this.pendingBytes -= entry.size();
			if (this.pendingCount == 0 && this.waiting != null) {
				dropped = this.waiting;
				this.waiting = null;
			}
			flushed = completedFlushes();
		}
		this.flow.release(1, entry.size());
		if (dropped != null) {
			dropped.permit.dispose();
		}
		flushed.forEach(Sinks.Empty::tryEmitEmpty);
	}

	/**
	 * Starts the next batch if one is due and none is waiting for a permit; otherwise makes sure the max-wait timer
	 * will look again. Called with the lock held.
	 * @return the batch to start, or {@code null}
	 */
	private @Nullable Batch dispatch() {
		dropWithdrawnHead();
		if (this.waiting != null || this.pendingCount == 0 || this.inFlight >= this.settings.maxInFlight()) {
			return null;
		}
		Entry oldest = this.pending.peek();
		boolean due = this.pendingCount >= this.settings.maxMessages() || this.pendingBytes >= this.settings.maxBytes()
				|| oldest.sequence <= this.flushUpTo || now() - oldest.gatheredAt >= this.settings.maxWait().toNanos();
		if (!due) {
			armTimer(oldest);
			return null;
		}
		this.waiting = new Batch();
		return this.waiting;
	}

	private void dropWithdrawnHead() {
		while (!this.pending.isEmpty() && this.pending.peek().state != Entry.State.PENDING) {
			this.pending.poll();
		}
	}

	private void armTimer(Entry oldest) {
		if (this.timerArmed) {
			return;
		}
		long delay = Math.max(0, oldest.gatheredAt + this.settings.maxWait().toNanos() - now());
		try {
			this.maxWaitTimer = this.timer.schedule(this::onMaxWait, delay, TimeUnit.NANOSECONDS);
			this.timerArmed = true;
		}
		catch (RejectedExecutionException ex) {
			// The timer is gone (shutdown): the next answer dispatches instead.
		}
	}

	private void onMaxWait() {
		Batch begin;
		synchronized (this) {
			this.timerArmed = false;
			begin = dispatch();
		}
		awaitPermit(begin);
	}

	private void awaitPermit(@Nullable Batch batch) {
		if (batch != null) {
			batch.permit.update(Mono.defer(() -> this.sender.permit(OPERATION))
				.subscribe(null, (error) -> onPermitRefused(batch, error), () -> onPermit(batch)));
		}
	}

	private void onPermit(Batch batch) {
		List<Entry> entries;
		synchronized (this) {
			if (this.waiting != batch) {
				return;
			}
			this.waiting = null;
			entries = seal(batch);
			if (!entries.isEmpty()) {
				batch.entries = entries;
				this.sent.add(batch);
				batch.inFlight = true;
				this.inFlight++;
			}
		}
		if (entries.isEmpty()) {
			finish(batch);
			return;
		}
		this.sender.instrumentation().recorder().batchSent(queueName(), entries.size(), batch.reason);
		Mono<Void> work = send(entries, batch);
		batch.request.update(work.subscribe(null, (error) -> finish(batch), () -> finish(batch)));
	}

	private void onPermitRefused(Batch batch, Throwable error) {
		List<Entry> entries;
		synchronized (this) {
			if (this.waiting != batch) {
				return;
			}
			this.waiting = null;
			entries = seal(batch);
		}
		settle(entries, null, error);
		finish(batch);
	}

	/**
	 * Takes the gathered messages for a batch, oldest first, up to the triggers and Cloudflare's caps. Called with
	 * the lock held.
	 */
	private List<Entry> seal(Batch batch) {
		List<Entry> taken = new ArrayList<>(Math.min(this.pendingCount, this.settings.maxMessages()));
		long bytes = 0;
		boolean full = false;
		while (!this.pending.isEmpty()) {
			Entry next = this.pending.peek();
			if (next.state != Entry.State.PENDING) {
				this.pending.poll();
				continue;
			}
			if (taken.size() >= this.settings.maxMessages() || bytes >= this.settings.maxBytes()
					|| !BatchSplitter.fits(taken.size(), bytes, next.size())) {
				full = true;
				break;
			}
			this.pending.poll();
			next.state = Entry.State.SEALED;
			taken.add(next);
			bytes += next.size();
			this.pendingCount--;
			this.pendingBytes -= next.size();
		}
		batch.reason = reason(taken, bytes, full);
		return taken;
	}

	/**
	 * Why a batch left: full by count or bytes, else because a flush asked, else because its oldest message had
	 * waited max-wait (with a max-wait of zero, as soon as a place in flight was free).
	 */
	private String reason(List<Entry> taken, long bytes, boolean full) {
		if (taken.size() >= this.settings.maxMessages()) {
			return CloudflareQueuesMeters.BATCH_COUNT;
		}
		if (full || bytes >= this.settings.maxBytes()) {
			return CloudflareQueuesMeters.BATCH_BYTES;
		}
		if (!taken.isEmpty() && taken.get(0).sequence <= this.flushUpTo) {
			return CloudflareQueuesMeters.BATCH_FLUSH;
		}
		return CloudflareQueuesMeters.BATCH_TIME;
	}

	/**
	 * Sends a batch under the permit it was granted; when Cloudflare rejects it for its content, sends each half
	 * again, so that only the rejected messages fail. Once the batch is answered, the next batch may leave before
	 * its callers are told, so that the next request travels while they are.
	 */
	private Mono<Void> send(List<Entry> group, Batch batch) {
		return send(group, this.sender::pushBatchPermitted, (response) -> {
			land(batch);
			settle(group, response, null);
		});
	}

	/**
	 * Sends a group of sealed messages, taking a permit of its own; when Cloudflare rejects the request for its
	 * content, sends each half again.
	 */
	private Mono<Void> sendAgain(List<Entry> group) {
		return send(group, this.sender::pushBatch, (response) -> settle(group, response, null));
	}

	private Mono<Void> send(List<Entry> group, Function<List<EncodedMessage>, Mono<MessagePushResponse>> request,
			Consumer<MessagePushResponse> onAnswer) {
		return Mono.defer(() -> {
			List<EncodedMessage> messages = new ArrayList<>(group.size());
			for (Entry entry : group) {
				messages.add(entry.message);
			}
			return request.apply(messages);
		}).doOnNext(onAnswer).then().onErrorResume((error) -> {
			if (group.size() > 1 && error instanceof MessageRejectedException rejected
					&& rejected.getHttpStatus() != 0) {
				int half = group.size() / 2;
				return sendAgain(group.subList(0, half)).then(sendAgain(group.subList(half, group.size())));
			}
			settle(group, null, error);
			return Mono.empty();
		});
	}

	/**
	 * Gives back a batch's place in flight once it is answered, and starts the next batch if one is due.
	 */
	private void land(Batch batch) {
		Batch begin;
		synchronized (this) {
			leaveFlight(batch);
			begin = dispatch();
		}
		awaitPermit(begin);
	}

	/**
	 * Called with the lock held.
	 */
	private void leaveFlight(Batch batch) {
		if (batch.inFlight) {
			batch.inFlight = false;
			this.inFlight--;
		}
	}

	/**
	 * Answers the callers of the messages still waiting for an answer, after releasing their room, so that a caller
	 * pushing again on its answer finds room.
	 */
	private void settle(List<Entry> group, @Nullable MessagePushResponse response, @Nullable Throwable error) {
		List<Entry> answered = new ArrayList<>(group.size());
		long bytes = 0;
		synchronized (this) {
			for (Entry entry : group) {
				if (entry.state == Entry.State.SEALED) {
					entry.state = Entry.State.DONE;
					answered.add(entry);
					bytes += entry.size();
				}
			}
		}
		if (answered.isEmpty()) {
			return;
		}
		this.flow.release(answered.size(), bytes);
		for (Entry entry : answered) {
			try {
				if (error != null) {
					entry.caller.error(error);
				}
				else {
					entry.caller.success(response);
				}
			}
			catch (RuntimeException ex) {
				logger.debug("A caller's subscriber failed on its answer; the other callers are answered", ex);
			}
		}
	}

	private void finish(Batch batch) {
		Batch begin;
		List<Sinks.Empty<Void>> flushed;
		synchronized (this) {
			this.sent.remove(batch);
			leaveFlight(batch);
			begin = dispatch();
			flushed = completedFlushes();
		}
		flushed.forEach(Sinks.Empty::tryEmitEmpty);
		awaitPermit(begin);
	}

	/**
	 * Sends what is gathered now, and completes when every message pushed before this call (and admitted by flow
	 * control) has its answer or its error.
	 * @return the completion
	 */
	@Override
	public Mono<Void> flush() {
		return Mono.defer(() -> {
			Sinks.Empty<Void> done = Sinks.empty();
			Batch begin;
			synchronized (this) {
				long last = this.nextSequence - 1;
				if (oldestUnanswered() > last) {
					return Mono.empty();
				}
				this.flushUpTo = Math.max(this.flushUpTo, last);
				this.flushWaiters.add(new FlushWaiter(last, done));
				begin = dispatch();
			}
			awaitPermit(begin);
			return done.asMono();
		});
	}

	private long oldestUnanswered() {
		dropWithdrawnHead();
		long oldest = this.pending.isEmpty() ? Long.MAX_VALUE : this.pending.peek().sequence;
		for (Batch batch : this.sent) {
			oldest = Math.min(oldest, batch.oldestUnansweredSequence());
		}
		return oldest;
	}

	private List<Sinks.Empty<Void>> completedFlushes() {
		if (this.flushWaiters.isEmpty()) {
			return List.of();
		}
		long oldest = oldestUnanswered();
		List<Sinks.Empty<Void>> completed = new ArrayList<>();
		for (Iterator<FlushWaiter> waiters = this.flushWaiters.iterator(); waiters.hasNext();) {
			FlushWaiter waiter = waiters.next();
			if (waiter.last < oldest) {
				completed.add(waiter.done);
				waiters.remove();
			}
		}
		return completed;
	}

	/**
	 * Shuts down: refuses new pushes, sends what is gathered, then waits for {@link #pushBatch(List) batch pushes}
	 * still in flight, all within the timeout; what is then unanswered fails.
	 * @param timeout how long to wait for held messages to be answered
	 * @return completes when every held message has its answer or its error
	 */
	@Override
	public Mono<Void> shutdown(Duration timeout) {
		return Mono.defer(() -> {
			long deadline = System.nanoTime() + timeout.toNanos();
			this.flow.close();
			Mono<Void> gathered = flush().timeout(timeout).onErrorResume(TimeoutException.class, (ex) -> {
				failUnanswered(timeout);
				return Mono.empty();
			});
			return gathered.then(Mono.defer(() -> shutdownDirect(deadline)));
		});
	}

	private Mono<Void> shutdownDirect(long deadline) {
		return this.direct.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
	}

	private void failUnanswered(Duration timeout) {
		List<Entry> notSent = new ArrayList<>();
		List<Entry> inFlight = new ArrayList<>();
		List<Batch> stopped = new ArrayList<>(this.sent.size() + 1);
		synchronized (this) {
			for (Entry entry : this.pending) {
				if (entry.state == Entry.State.PENDING) {
					entry.state = Entry.State.SEALED;
					notSent.add(entry);
				}
			}
			this.pending.clear();
			this.pendingCount = 0;
			this.pendingBytes = 0;
			if (this.waiting != null) {
				stopped.add(this.waiting);
				this.waiting = null;
			}
			for (Batch batch : this.sent) {
				stopped.add(batch);
				batch.inFlight = false;
				batch.entries.stream().filter((entry) -> entry.state == Entry.State.SEALED).forEach(inFlight::add);
			}
			this.sent.clear();
			this.inFlight = 0;
			this.flushWaiters.clear();
			this.maxWaitTimer.dispose();
		}
		stopped.forEach((batch) -> {
			batch.permit.dispose();
			batch.request.dispose();
		});
		logger.warn("Queue '{}': shutdown timeout ({}) reached; {} buffered messages were not sent and {} in flight "
				+ "have no answer; their pushes fail", queueName(), timeout, notSent.size(), inFlight.size());
		settle(notSent, null, new PublisherClosedException("Not sent before the shutdown timeout (" + timeout + ")",
				details(), null));
		settle(inFlight, null, new PublisherClosedException("In flight at the shutdown timeout (" + timeout
				+ "): the message may or may not have been delivered", details(), null));
	}

	private FailureDetails details() {
		return FailureDetails.noResponse("push", queueName(), this.sender.endpoint().queueId());
	}

	private long now() {
		return this.nanoClock.getAsLong();
	}

	@Override
	public String toString() {
		return "BatchingQueuePublisher[" + this.sender.endpoint() + ", " + this.settings + "]";
	}

	private record FlushWaiter(long last, Sinks.Empty<Void> done) {
	}

}
