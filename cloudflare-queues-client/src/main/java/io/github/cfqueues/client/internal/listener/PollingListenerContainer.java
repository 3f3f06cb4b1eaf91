package io.github.cfqueues.client.internal.listener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.ConsumerClosedException;
import io.github.cfqueues.client.error.MessageConversionException;
import io.github.cfqueues.client.internal.consume.DefaultQueueConsumer;
import io.github.cfqueues.client.internal.observe.ListenerHandling;
import io.github.cfqueues.client.internal.observe.QueueInstrumentation;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import io.github.cfqueues.client.listener.AcknowledgementMode;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerContainer;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one listener by pulling only as many messages as it has free handler slots (so no leased message waits in a
 * local buffer while its lease runs out), handing each over on its own executor, and settling it by the
 * acknowledgement mode. A pull is followed by the next as soon as half a full pull's worth of slots is free; a full
 * pull (the queue has more) by as many pulls as the free slots allow, overlapping, each holding slots of its own. An
 * empty or failed pull is followed by a wait that doubles, with jitter, up to the cap. {@link #stop()} cuts every
 * wait short: the next pull's, and the retry policy's back-off of a pull in flight; a pull whose request is on the
 * wire is left to bring its answer (its messages are handed back) until the stop timeout, when it is cancelled.
 */
public final class PollingListenerContainer implements QueueListenerContainer {

	private static final Logger logger = LoggerFactory.getLogger(PollingListenerContainer.class);

	private final QueueListenerEndpoint endpoint;

	private final QueueConsumer consumer;

	private final ListenerSettings settings;

	private final Scheduler timer;

	private final Clock clock;

	private final AtomicLong lastDeliveryFailures = new AtomicLong();

	private final AtomicLong leaseOverruns = new AtomicLong();

	private final QueueInstrumentation instrumentation;

	private @Nullable HandlerExecutor executor;

	private boolean running;

	private int pulls;

	private boolean waitingForSlots;

	private int reservedSlots;

	private int handling;

	private Duration idleWait;

	private long lastPullWarning;

	private boolean pullWarned;

	private boolean credentialsWarned;

	private Disposable nextPull = Disposables.disposed();

	private Disposable.Composite pullsInFlight = Disposables.composite();

	private Sinks.Empty<Void> stopping = Sinks.empty();

	private final List<Sinks.Empty<Void>> quietWatchers = new ArrayList<>();

	/**
	 * Creates a container that pulls with the consumer's batch size and visibility timeout.
	 * @param endpoint the listener
	 * @param consumer the consumer of its queue
	 * @param settings its settings
	 */
	public PollingListenerContainer(QueueListenerEndpoint endpoint, QueueConsumer consumer, ListenerSettings settings) {
		this(endpoint, consumer, settings, Schedulers.parallel(), Clock.systemUTC());
	}

	PollingListenerContainer(QueueListenerEndpoint endpoint, QueueConsumer consumer, ListenerSettings settings,
			Scheduler timer, Clock clock) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
		this.consumer = Objects.requireNonNull(consumer, "consumer must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.timer = timer;
		this.clock = clock;
		this.idleWait = settings.idleInterval();
		this.instrumentation = (consumer instanceof DefaultQueueConsumer observed) ? observed.instrumentation()
				: QueueInstrumentation.detached(endpoint.queueName(), "");
	}

	@Override
	public String id() {
		return this.endpoint.id();
	}

	@Override
	public String queueName() {
		return this.endpoint.queueName();
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.autoStartup();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	/**
	 * How many messages failed on what was their last delivery, before Cloudflare dead-lettered or dropped them.
	 * @return the count
	 */
	public long lastDeliveryFailures() {
		return this.lastDeliveryFailures.get();
	}

	/**
	 * How many messages were handled past the end of their lease.
	 * @return the count
	 */
	public long leaseOverruns() {
		return this.leaseOverruns.get();
	}

	@Override
	public void start() {
		synchronized (this) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.pullsInFlight = Disposables.composite();
			this.stopping = Sinks.empty();
			this.idleWait = this.settings.idleInterval();
			this.credentialsWarned = false;
			this.pullWarned = false;
			this.executor = HandlerExecutor.create(id(), this.settings);
		}
		firstPull();
	}

	/**
	 * Pulls once, waiting for the answer, so that a failure retrying cannot fix (refused credentials, an unknown
	 * queue, no HTTP pull) can fail the start.
	 */
	private void firstPull() {
		int size = reserveForPull();
		if (size == 0) {
			return;
		}
		CompletableFuture<@Nullable Throwable> answered = new CompletableFuture<>();
		startPull(size, answered);
		Throwable fatal = answered.join();
		if (fatal == null) {
			return;
		}
		HandlerExecutor unused;
		synchronized (this) {
			this.pulls--;
			this.reservedSlots -= slots(size);
			this.running = false;
			unused = this.executor;
			this.executor = null;
		}
		if (unused != null) {
			unused.close();
		}
		signalIfQuiet();
		String message = "Queue listener '" + id() + "' cannot pull from queue '" + queueName() + "': "
				+ fatal.getMessage();
		if (this.settings.startupFailure() == ListenerSettings.StartupFailure.FAIL) {
			throw new IllegalStateException(message, fatal);
		}
		logger.warn("{}; it stays stopped", message);
	}

	/**
	 * Reserves the slots of a pull, once at least half a full pull's worth of slots is free: a pull for every slot
	 * freed one by one would cost a request each. Pulls may overlap, each with slots of its own. The free slots are
	 * those neither handling nor reserved, so handlers a timed-out stop left running keep theirs after a restart.
	 */
	private synchronized int reserveForPull() {
		if (!this.running) {
			return 0;
		}
		int batchSize = this.consumer.options().batchSize();
		int free = this.settings.concurrency() - this.handling - this.reservedSlots;
		int size = this.endpoint.isBatch() ? ((free > 0) ? batchSize : 0) : Math.min(batchSize, free);
		int worthPulling = this.endpoint.isBatch() ? 1
				: Math.max(1, Math.min(batchSize, this.settings.concurrency()) / 2);
		if (size <= 0 || (!this.endpoint.isBatch() && size < worthPulling)) {
			this.waitingForSlots = true;
			return 0;
		}
		this.reservedSlots += slots(size);
		this.pulls++;
		this.waitingForSlots = false;
		return size;
	}

	/**
	 * The slots a pull of {@code size} messages holds: one per message, or one for a batch listener's batch.
	 */
	private int slots(int size) {
		return this.endpoint.isBatch() ? 1 : size;
	}

	private void poll() {
		poll(1);
	}

	/**
	 * Starts up to {@code most} pulls, as long as free slots allow each.
	 */
	private void poll(int most) {
		for (int started = 0; started < most; started++) {
			int size = reserveForPull();
			if (size == 0) {
				return;
			}
			startPull(size, null);
		}
	}

	private void startPull(int size, @Nullable CompletableFuture<@Nullable Throwable> first) {
		Disposable.Composite group;
		Mono<Void> stopped;
		synchronized (this) {
			group = this.pullsInFlight;
			stopped = this.stopping.asMono();
		}
		Pull pull = new Pull(size, group, first);
		if (group.add(pull)) {
			Mono.defer(() -> this.consumer.pull(size, this.consumer.options().visibilityTimeout()))
				.contextWrite(RetryPolicy.cutWaitsShortOn(stopped))
				.subscribe(pull);
		}
		else {
			pull.abandon();
		}
	}

	private void onPulled(int size, List<ReceivedMessage> messages) {
		List<List<ReceivedMessage>> units = units(messages);
		boolean stopped;
		synchronized (this) {
			this.pulls--;
			this.reservedSlots -= slots(size);
			stopped = !this.running;
			if (!stopped) {
				this.handling += units.size();
			}
		}
		if (stopped) {
			handBack(messages);
			signalIfQuiet();
			return;
		}
		units.forEach(this::dispatch);
		if (messages.isEmpty()) {
			waitThenPull();
		}
		else {
			synchronized (this) {
				this.idleWait = this.settings.idleInterval();
			}
			boolean full = this.endpoint.isBatch() || messages.size() >= size;
			poll(full ? Integer.MAX_VALUE : 1);
		}
	}

	private List<List<ReceivedMessage>> units(List<ReceivedMessage> messages) {
		if (messages.isEmpty()) {
			return List.of();
		}
		if (this.endpoint.isBatch()) {
			return List.of(messages);
		}
		return messages.stream().map(List::of).toList();
	}

	private void onPullFailed(int size, Throwable error) {
		boolean fatal = isFatal(error);
		boolean log;
		synchronized (this) {
			this.pulls--;
			this.reservedSlots -= slots(size);
			if (!this.running) {
				log = false;
			}
			else if (fatal) {
				this.idleWait = this.settings.maxIdleInterval();
				log = !this.credentialsWarned;
				this.credentialsWarned = true;
			}
			else {
				long now = System.nanoTime();
				log = !this.pullWarned || now - this.lastPullWarning >= this.idleWait.toNanos();
				if (log) {
					this.pullWarned = true;
					this.lastPullWarning = now;
				}
			}
		}
		if (log && fatal) {
			logger.error("Queue listener '{}' cannot pull from queue '{}': {}; it tries again every {}", id(),
					queueName(), error.getMessage(), this.settings.maxIdleInterval());
		}
		else if (log) {
			logger.warn("Queue listener '{}': a pull from queue '{}' failed ({}); pulling again after a pause", id(),
					queueName(), error.getMessage());
		}
		signalIfQuiet();
		waitThenPull();
	}

	/**
	 * A pull cancelled by {@link #stop()} before its answer: it leased nothing the container knows of (what the server
	 * may have leased comes back after the visibility timeout), so it only gives its slots back.
	 */
	private void onPullCancelled(int size) {
		synchronized (this) {
			this.pulls--;
			this.reservedSlots -= slots(size);
		}
		signalIfQuiet();
	}

	/**
	 * A failure that pulling again cannot fix: credentials refused, an unknown queue, HTTP pull not enabled, a queue
	 * with a Worker consumer. A paused or overloaded queue, or a closed consumer, is not one.
	 */
	private static boolean isFatal(Throwable error) {
		return error instanceof CloudflareQueuesException failure && !failure.isRetryable()
				&& !(failure instanceof ConsumerClosedException);
	}

	private void waitThenPull() {
		synchronized (this) {
			if (!this.running) {
				return;
			}
			Duration wait = this.idleWait;
			long jittered = (long) (wait.toNanos() * (1.0 - 0.2 * ThreadLocalRandom.current().nextDouble()));
			Duration doubled = wait.multipliedBy(2);
			this.idleWait = (doubled.compareTo(this.settings.maxIdleInterval()) > 0) ? this.settings.maxIdleInterval()
					: doubled;
			this.nextPull.dispose();
			try {
				this.nextPull = this.timer.schedule(this::poll, jittered, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				logger.warn("Queue listener '{}' cannot schedule its next pull: its timer is shut down", id());
			}
		}
	}

	private void dispatch(List<ReceivedMessage> unit) {
		HandlerExecutor handlers;
		synchronized (this) {
			handlers = this.executor;
		}
		try {
			if (handlers == null) {
				throw new RejectedExecutionException("stopped");
			}
			handlers.execute(() -> handle(unit));
		}
		catch (RejectedExecutionException ex) {
			handBack(unit);
			release(unit);
		}
	}

	private void handle(List<ReceivedMessage> unit) {
		ListenerHandling handling = this.instrumentation.startHandling(id(), unit);
		Mono<Void> handled;
		try (Observation.Scope scope = handling.openScope()) {
			handled = Objects.requireNonNullElse(this.endpoint.handle(unit), Mono.empty());
		}
		catch (MessageConversionException ex) {
			handling.stop(ex);
			settle(unreadable(unit, ex));
			release(unit);
			return;
		}
		catch (Throwable ex) {
			handled = Mono.error(ex);
		}
		handling.contextWrite(handled)
			.subscribe(null, (error) -> finished(unit, error, handling), () -> finished(unit, null, handling));
	}

	private void finished(List<ReceivedMessage> unit, @Nullable Throwable error, ListenerHandling handling) {
		handling.stop(error);
		checkLeases(unit);
		AcknowledgementMode mode = this.settings.acknowledgementMode();
		if (error != null && mode != AcknowledgementMode.ON_SUCCESS) {
			logger.warn("Queue listener '{}' failed on message(s) {}: {}", id(), ids(unit), error.toString());
		}
		switch (mode) {
			case ON_SUCCESS -> settle((error == null) ? ackAll(unit) : failed(unit, error));
			case ALWAYS -> settle(ackAll(unit));
			case MANUAL -> {
			}
		}
		release(unit);
	}

	private Mono<Void> failed(List<ReceivedMessage> unit, Throwable error) {
		for (ReceivedMessage message : unit) {
			if (onLastDelivery(message)) {
				logger.warn("Queue listener '{}' failed on message {} on its last delivery (attempt {}, max-retries "
						+ "{}); Cloudflare now dead-letters or drops it: {}", id(), message.id(), message.attempts(),
						this.settings.maxRetries(), error.toString());
			}
			else {
				logger.warn("Queue listener '{}' failed on message {} (attempt {}); it is retried in {}: {}", id(),
						message.id(), message.attempts(), this.settings.retryDelay(message.attempts()),
						error.toString());
			}
		}
		return retryAll(unit);
	}

	/**
	 * Retries a unit whose body could not be read as the handler's payload, counting and logging the messages on
	 * their last delivery as a handler's failure would be.
	 */
	private Mono<Void> unreadable(List<ReceivedMessage> unit, MessageConversionException ex) {
		boolean retried = false;
		for (ReceivedMessage message : unit) {
			if (onLastDelivery(message)) {
				logger.warn("Queue listener '{}' cannot read {} on its last delivery (attempt {}, max-retries {}); "
						+ "Cloudflare now dead-letters or drops it: {}", id(),
						(unit.size() == 1) ? "message " + message.id() : "the batch holding message " + message.id(),
						message.attempts(), this.settings.maxRetries(), ex.getMessage());
			}
			else {
				retried = true;
			}
		}
		if (retried) {
			logger.warn("Queue listener '{}' cannot read message {} ({}); it is retried in {}", id(),
					ex.getMessageId(), ex.getMessage(), this.settings.retryDelay(unit.get(0).attempts()));
		}
		return retryAll(unit);
	}

	/**
	 * Whether a message that failed was on its last delivery, before Cloudflare dead-letters or drops it; if so, it
	 * is counted.
	 */
	private boolean onLastDelivery(ReceivedMessage message) {
		if (message.attempts() <= this.settings.maxRetries()) {
			return false;
		}
		this.lastDeliveryFailures.incrementAndGet();
		this.instrumentation.recorder().lastDeliveryFailed(queueName(), id());
		return true;
	}

	private Mono<Void> ackAll(List<ReceivedMessage> unit) {
		return Flux.fromIterable(unit).flatMap(ReceivedMessage::ack).then();
	}

	private Mono<Void> retryAll(List<ReceivedMessage> unit) {
		return Flux.fromIterable(unit)
			.flatMap((message) -> message.retry(this.settings.retryDelay(message.attempts())))
			.then();
	}

	private void settle(Mono<Void> settlement) {
		settlement.subscribe(null, (error) -> logger.warn("Queue listener '{}': a settlement was not confirmed: {}",
				id(), error.getMessage()));
	}

	private void checkLeases(List<ReceivedMessage> unit) {
		Instant now = this.clock.instant();
		for (ReceivedMessage message : unit) {
			if (now.isAfter(message.leaseExpiresAt())) {
				this.leaseOverruns.incrementAndGet();
				this.instrumentation.recorder().leaseOverrun(queueName(), id());
				logger.warn("Queue listener '{}' handled message {} past its lease (ended {}, {} ago): it may have been "
						+ "delivered again, and its settlement may act on that delivery; raise "
						+ "consumer.visibility-timeout above the handling time", id(), message.id(),
						message.leaseExpiresAt(), Duration.between(message.leaseExpiresAt(), now));
			}
		}
	}

	private void handBack(List<ReceivedMessage> messages) {
		settle(Flux.fromIterable(messages).flatMap((message) -> message.retry(Duration.ZERO)).then());
	}

	private void release(List<ReceivedMessage> unit) {
		boolean pullNow;
		synchronized (this) {
			this.handling--;
			pullNow = this.running && this.waitingForSlots;
		}
		if (pullNow) {
			poll();
		}
		signalIfQuiet();
	}

	private void signalIfQuiet() {
		List<Sinks.Empty<Void>> watchers;
		synchronized (this) {
			if (this.pulls > 0 || this.handling > 0 || this.quietWatchers.isEmpty()) {
				return;
			}
			watchers = new ArrayList<>(this.quietWatchers);
			this.quietWatchers.clear();
		}
		watchers.forEach(Sinks.Empty::tryEmitEmpty);
	}

	private static List<String> ids(List<ReceivedMessage> unit) {
		return unit.stream().map(ReceivedMessage::id).toList();
	}

	@Override
	public void stop() {
		Mono<Void> quiet;
		HandlerExecutor handlers;
		Disposable pullsInFlight;
		Sinks.Empty<Void> stopping;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			this.nextPull.dispose();
			pullsInFlight = this.pullsInFlight;
			stopping = this.stopping;
			handlers = this.executor;
			this.executor = null;
			if (this.pulls == 0 && this.handling == 0) {
				quiet = Mono.empty();
			}
			else {
				Sinks.Empty<Void> watcher = Sinks.empty();
				this.quietWatchers.add(watcher);
				quiet = watcher.asMono();
			}
		}
		stopping.tryEmitEmpty();
		try {
			quiet.timeout(this.settings.stopTimeout()).block();
		}
		catch (RuntimeException ex) {
			if (!(Exceptions.unwrap(ex) instanceof TimeoutException)) {
				throw ex;
			}
			stoppedWithout(pullsInFlight);
		}
		try {
			this.consumer.flush().timeout(this.settings.stopTimeout()).block();
		}
		catch (RuntimeException ex) {
			logger.warn("Queue listener '{}': the settlements gathered could not be sent before the stop timeout ({})",
					id(), ex.getMessage());
		}
		if (handlers != null) {
			handlers.close();
		}
	}

	/**
	 * Cancels the pulls still unanswered at the stop timeout, and says what the stop leaves behind.
	 */
	private void stoppedWithout(Disposable pullsInFlight) {
		int unanswered;
		synchronized (this) {
			unanswered = this.pulls;
		}
		pullsInFlight.dispose();
		int running;
		synchronized (this) {
			running = this.handling;
		}
		if (unanswered > 0) {
			logger.warn("Queue listener '{}': {} pull(s) still unanswered at the stop timeout ({}) were cancelled; "
					+ "messages they may have leased come back after the visibility timeout", id(), unanswered,
					this.settings.stopTimeout());
		}
		if (running > 0) {
			logger.warn("Queue listener '{}': {} handler(s) still running at the stop timeout ({}); their messages "
					+ "are not acknowledged and come back after their leases", id(), running,
					this.settings.stopTimeout());
		}
	}

	@Override
	public String toString() {
		return "QueueListenerContainer[id=" + id() + ", queue=" + queueName() + "]";
	}

	/**
	 * One pull in flight, holding its slots until it ends in whichever comes first: its answer, its failure, or its
	 * cancellation at the stop timeout. An answer that races in after the cancellation is handed back at once.
	 */
	private final class Pull extends BaseSubscriber<List<ReceivedMessage>> {

		private final int size;

		private final Disposable.Composite group;

		private final @Nullable CompletableFuture<@Nullable Throwable> first;

		private final AtomicBoolean ended = new AtomicBoolean();

		/**
		 * A pull of {@code size} messages, one of {@code group}; {@code first}, for the first pull of a start, is
		 * completed once it has ended, with the failure if retrying cannot fix it (which it leaves to the start).
		 */
		Pull(int size, Disposable.Composite group, @Nullable CompletableFuture<@Nullable Throwable> first) {
			this.size = size;
			this.group = group;
			this.first = first;
		}

		@Override
		protected void hookOnNext(List<ReceivedMessage> messages) {
			if (this.ended.compareAndSet(false, true)) {
				onPulled(this.size, messages);
			}
			else {
				handBack(messages);
			}
		}

		@Override
		protected void hookOnComplete() {
			if (this.ended.compareAndSet(false, true)) {
				onPulled(this.size, List.of());
			}
		}

		@Override
		protected void hookOnError(Throwable error) {
			if (!this.ended.compareAndSet(false, true)) {
				Operators.onErrorDropped(error, currentContext());
			}
			else if (this.first != null && isFatal(error)) {
				this.first.complete(error);
			}
			else {
				onPullFailed(this.size, error);
			}
		}

		@Override
		protected void hookOnCancel() {
			abandon();
		}

		/**
		 * Gives the slots back if the pull has not ended otherwise.
		 */
		void abandon() {
			if (this.ended.compareAndSet(false, true)) {
				onPullCancelled(this.size);
			}
			if (this.first != null) {
				this.first.complete(null);
			}
		}

		@Override
		protected void hookFinally(SignalType type) {
			this.group.remove(this);
			if (this.first != null) {
				this.first.complete(null);
			}
		}

	}

}
