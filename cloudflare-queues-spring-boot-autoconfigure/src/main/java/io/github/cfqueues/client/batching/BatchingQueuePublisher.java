package io.github.cfqueues.client.batching;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.api.EncodedMessage;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.flow.FlowController;
import io.github.cfqueues.client.publish.BatchSplitter;
import io.github.cfqueues.client.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.publish.GracefulShutdown;
import io.github.cfqueues.client.publish.MessageEncoder;
import io.github.cfqueues.client.publish.QueueSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Gathers single pushes into batch requests. A batch is sent when a {@link BatchingSettings trigger} fires (message
 * count, bytes, or the first message's wait); Cloudflare's caps always split. Each message's {@code Mono}
 * completes only when its batch's answer arrives, with that answer or the batch's error; a failed batch is retried
 * as a whole under the retry policy.
 * <p>
 * With one batch in flight at a time (the default), messages leave in push order, retries included. With more,
 * batches may be answered, and retried, out of order. Flow control bounds what the publisher holds; pushes beyond
 * it fail or wait as configured. {@link #pushBatch(List)} bypasses gathering: its messages travel in their own
 * requests.
 */
public final class BatchingQueuePublisher implements QueuePublisher, GracefulShutdown {

	private static final Logger logger = LoggerFactory.getLogger(BatchingQueuePublisher.class);

	private final MessageEncoder encoder;

	private final QueueSender sender;

	private final FlowController flow;

	private final BatchingSettings settings;

	private final DefaultQueuePublisher direct;

	private final Scheduler timer;

	private OpenBatch open = new OpenBatch();

	private final ArrayDeque<OpenBatch> ready = new ArrayDeque<>();

	private final Set<OpenBatch> inFlight = new LinkedHashSet<>();

	/**
	 * Creates a batching publisher on top of a per-message one, whose encoder, sender and flow control it shares:
	 * gathered pushes and {@link #pushBatch(List) batch pushes} count against the same limits.
	 * @param direct the publisher batch pushes go through
	 * @param settings the batching triggers
	 */
	public BatchingQueuePublisher(DefaultQueuePublisher direct, BatchingSettings settings) {
		this(direct, settings, Schedulers.parallel());
	}

	BatchingQueuePublisher(DefaultQueuePublisher direct, BatchingSettings settings, Scheduler timer) {
		this.direct = Objects.requireNonNull(direct, "direct must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.encoder = direct.encoder();
		this.sender = direct.sender();
		this.flow = direct.flowController();
		this.timer = timer;
	}

	@Override
	public String queueName() {
		return this.sender.endpoint().name();
	}

	@Override
	public Mono<MessagePushResponse> push(QueueMessage message) {
		Objects.requireNonNull(message, "The message must not be null");
		return Mono.defer(() -> {
			EncodedMessage encoded = this.encoder.encode(message, 0, "push");
			return Mono.create((caller) -> caller
				.onCancel(this.flow.admit(1, encoded.size(), () -> gather(encoded, caller), caller::error)));
		});
	}

	@Override
	public Mono<BatchPushResponse> pushBatch(List<QueueMessage> messages) {
		return this.direct.pushBatch(messages);
	}

	private void gather(EncodedMessage message, MonoSink<MessagePushResponse> caller) {
		List<OpenBatch> toSend;
		synchronized (this) {
			if (!BatchSplitter.fits(this.open.count(), this.open.bytes(), message.size())) {
				closeOpenBatch();
			}
			this.open.add(message, caller);
			if (this.open.count() == 1) {
				OpenBatch batch = this.open;
				try {
					batch.timer(this.timer.schedule(() -> onMaxWait(batch), this.settings.maxWait().toNanos(),
							TimeUnit.NANOSECONDS));
				}
				catch (RejectedExecutionException ex) {
					closeOpenBatch();
				}
			}
			if (this.open.count() >= this.settings.maxMessages() || this.open.bytes() >= this.settings.maxBytes()) {
				closeOpenBatch();
			}
			toSend = takeSendable();
		}
		toSend.forEach(this::send);
	}

	private void onMaxWait(OpenBatch batch) {
		List<OpenBatch> toSend;
		synchronized (this) {
			if (this.open == batch) {
				closeOpenBatch();
			}
			toSend = takeSendable();
		}
		toSend.forEach(this::send);
	}

	private void closeOpenBatch() {
		if (!this.open.isEmpty()) {
			this.open.cancelTimer();
			this.ready.add(this.open);
			this.open = new OpenBatch();
		}
	}

	private List<OpenBatch> takeSendable() {
		List<OpenBatch> sendable = new ArrayList<>();
		while (this.inFlight.size() < this.settings.maxInFlight() && !this.ready.isEmpty()) {
			OpenBatch batch = this.ready.poll();
			this.inFlight.add(batch);
			sendable.add(batch);
		}
		return sendable;
	}

	private void send(OpenBatch batch) {
		batch.request(this.sender.pushBatch(batch.messages()).subscribe((response) -> {
			onAnswered(batch);
			batch.succeed(response);
		}, (error) -> {
			onAnswered(batch);
			batch.fail(error);
		}));
	}

	/**
	 * Frees the batch's place in flight and its flow-control room, before its callers see the answer.
	 */
	private void onAnswered(OpenBatch batch) {
		if (!batch.settle()) {
			return;
		}
		List<OpenBatch> toSend;
		synchronized (this) {
			this.inFlight.remove(batch);
			toSend = takeSendable();
		}
		this.flow.release(batch.count(), batch.bytes());
		toSend.forEach(this::send);
	}

	/**
	 * Sends the batch being gathered at once, and completes when every message pushed before this call (and
	 * admitted by flow control) has its answer or its error.
	 * @return the completion
	 */
	@Override
	public Mono<Void> flush() {
		return Mono.defer(() -> {
			List<Mono<Void>> answers = new ArrayList<>();
			List<OpenBatch> toSend;
			synchronized (this) {
				closeOpenBatch();
				this.inFlight.forEach((batch) -> answers.add(batch.whenAnswered()));
				this.ready.forEach((batch) -> answers.add(batch.whenAnswered()));
				toSend = takeSendable();
			}
			toSend.forEach(this::send);
			return Mono.when(answers);
		});
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
		List<OpenBatch> notSent;
		List<OpenBatch> sending;
		synchronized (this) {
			closeOpenBatch();
			notSent = new ArrayList<>(this.ready);
			this.ready.clear();
			sending = new ArrayList<>(this.inFlight);
		}
		int unsent = notSent.stream().mapToInt(OpenBatch::count).sum();
		int unknown = sending.stream().mapToInt(OpenBatch::count).sum();
		logger.warn("Queue '{}': shutdown timeout ({}) reached; {} buffered messages were not sent and {} in flight "
				+ "have no answer; their pushes fail", queueName(), timeout, unsent, unknown);
		notSent.forEach((batch) -> {
			onAnswered(batch);
			batch.fail(new PublisherClosedException("Not sent before the shutdown timeout (" + timeout + ")", details(),
					null));
		});
		sending.forEach((batch) -> {
			batch.cancelRequest();
			onAnswered(batch);
			batch.fail(new PublisherClosedException("In flight at the shutdown timeout (" + timeout
					+ "): the message may or may not have been delivered", details(), null));
		});
	}

	private FailureDetails details() {
		return FailureDetails.noResponse("push", queueName(), this.sender.endpoint().queueId());
	}

	/**
	 * The flow control of this publisher, for metrics.
	 * @return the flow controller
	 */
	public FlowController flowController() {
		return this.flow;
	}

	@Override
	public String toString() {
		return "BatchingQueuePublisher[" + this.sender.endpoint() + ", " + this.settings + "]";
	}

}
