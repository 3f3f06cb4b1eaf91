package io.github.cfqueues.client.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.cfqueues.client.QueueStatus;
import io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation;
import io.github.cfqueues.client.observation.QueueOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Records the client's metrics in a Micrometer {@link MeterRegistry}, under the names and tags of
 * {@link CloudflareQueuesMeters}. Meters are registered when first needed and looked up once; {@link #close()}
 * removes them from the registry. Needs {@code io.micrometer:micrometer-core}, an optional dependency of the client.
 */
public final class MicrometerMetricsRecorder implements MetricsRecorder {

	private static final String MESSAGES = "messages";

	/**
	 * Where meters go once the recorder is closed: an empty composite, whose meters record nothing.
	 */
	private static final MeterRegistry CLOSED = new CompositeMeterRegistry();

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<Key, Meter> meters = new ConcurrentHashMap<>();

	private final List<Meter> registered = new CopyOnWriteArrayList<>();

	private final List<Object> sources = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	/**
	 * Creates a recorder for one client.
	 * @param registry where the meters go
	 */
	public MicrometerMetricsRecorder(MeterRegistry registry) {
		this(registry, Clock.systemUTC());
	}

	MicrometerMetricsRecorder(MeterRegistry registry, Clock clock) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.clock = clock;
	}

	@Override
	public void queue(String queueName, Supplier<QueueStatus> status) {
		Tags tags = Tags.of(CloudflareQueuesMeters.QUEUE_TAG, queueName);
		gauge(Gauge.builder(CloudflareQueuesMeters.BACKLOG_MESSAGES, status, (read) -> figure(read.get().backlog().backlogCount()))
			.description("Messages waiting in the queue, as Cloudflare last reported")
			.baseUnit(MESSAGES)
			.tags(tags));
		gauge(Gauge.builder(CloudflareQueuesMeters.BACKLOG_BYTES, status, (read) -> figure(read.get().backlog().backlogBytes()))
			.description("Bytes of the messages waiting in the queue, as Cloudflare last reported")
			.baseUnit("bytes")
			.tags(tags));
		track(TimeGauge.builder(CloudflareQueuesMeters.BACKLOG_OLDEST_AGE, status, TimeUnit.MILLISECONDS, this::oldestAgeMillis)
			.description("Age of the oldest message waiting in the queue, from its timestamp as Cloudflare last reported")
			.tags(tags)
			.strongReference(true)
			.register(target()));
	}

	private double oldestAgeMillis(Supplier<QueueStatus> status) {
		Instant oldest = status.get().backlog().oldestMessageTimestamp();
		return (oldest != null) ? Math.max(0, this.clock.millis() - oldest.toEpochMilli()) : Double.NaN;
	}

	private static double figure(@Nullable Long value) {
		return (value != null) ? value : Double.NaN;
	}

	@Override
	public void flowControl(String queueName, IntSupplier outstandingMessages, LongSupplier outstandingBytes,
			IntSupplier waiting) {
		Tags tags = Tags.of(CloudflareQueuesMeters.QUEUE_TAG, queueName);
		gauge(Gauge.builder(CloudflareQueuesMeters.FLOW_OUTSTANDING_MESSAGES, outstandingMessages, IntSupplier::getAsInt)
			.description("Messages a publisher holds: gathered, waiting for a permit, or in flight")
			.baseUnit(MESSAGES)
			.tags(tags));
		gauge(Gauge.builder(CloudflareQueuesMeters.FLOW_OUTSTANDING_BYTES, outstandingBytes, LongSupplier::getAsLong)
			.description("Bytes of the messages a publisher holds")
			.baseUnit("bytes")
			.tags(tags));
		gauge(Gauge.builder(CloudflareQueuesMeters.FLOW_WAITING, waiting, IntSupplier::getAsInt)
			.description("Pushes waiting for flow-control room")
			.tags(tags));
	}

	@Override
	public void rateLimiter(String accountId, @Nullable IntSupplier availablePermits, LongSupplier pauses) {
		Tags tags = Tags.of(CloudflareQueuesMeters.ACCOUNT_TAG, accountId);
		if (availablePermits != null) {
			gauge(Gauge.builder(CloudflareQueuesMeters.RATE_LIMIT_PERMITS, availablePermits, IntSupplier::getAsInt)
				.description("Permits a request of the account could take now without waiting")
				.tags(tags));
		}
		this.sources.add(pauses);
		track(FunctionCounter.builder(CloudflareQueuesMeters.RATE_LIMIT_PAUSES, pauses, LongSupplier::getAsLong)
			.description("Times an account-wide 429 from Cloudflare paused the account")
			.tags(tags)
			.register(target()));
	}

	@Override
	public void pushed(String queueName, int messages) {
		counter(CloudflareQueuesMeters.MESSAGES_PUSHED, queueName, "", "",
				(key) -> Counter.builder(key.name)
					.description("Messages Cloudflare accepted")
					.baseUnit(MESSAGES)
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue))
			.increment(messages);
	}

	@Override
	public void failed(String queueName, QueueOperation operation, int messages, Throwable error) {
		counter(CloudflareQueuesMeters.MESSAGES_FAILED, queueName, operation.operationName(), errorType(error),
				(key) -> Counter.builder(key.name)
					.description("Messages whose push failed, by the exception their caller got")
					.baseUnit(MESSAGES)
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue, CloudflareQueuesMeters.OPERATION_TAG, key.first,
							CloudflareQueuesMeters.ERROR_TYPE_TAG, key.second))
			.increment(messages);
	}

	@Override
	public void retried(String queueName, QueueOperation operation, Throwable cause) {
		counter(CloudflareQueuesMeters.REQUEST_RETRIES, queueName, operation.operationName(), errorType(cause),
				(key) -> Counter.builder(key.name)
					.description("Requests tried again, by the failure that caused it")
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue, CloudflareQueuesMeters.OPERATION_TAG, key.first,
							CloudflareQueuesMeters.ERROR_TYPE_TAG, key.second))
			.increment();
	}

	@Override
	public void flowControlRejected(String queueName, String reason) {
		counter(CloudflareQueuesMeters.FLOW_REJECTIONS, queueName, reason, "",
				(key) -> Counter.builder(key.name)
					.description("Pushes flow control refused")
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue, CloudflareQueuesMeters.REASON_TAG, key.first))
			.increment();
	}

	@Override
	public void permitWaited(String accountId, long waitNanos) {
		meter(new Key(CloudflareQueuesMeters.RATE_LIMIT_WAIT, "", accountId, ""), Timer.class,
				(key) -> Timer.builder(key.name)
					.description("Time requests waited for their rate-limit permit, pauses included")
					.tags(CloudflareQueuesMeters.ACCOUNT_TAG, key.first)
					.register(target()))
			.record(waitNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void permitRefused(String accountId) {
		meter(new Key(CloudflareQueuesMeters.RATE_LIMIT_REFUSALS, "", accountId, ""), Counter.class,
				(key) -> Counter.builder(key.name)
					.description("Requests refused before sending: their permit was further away than rate-limit.max-wait")
					.tags(CloudflareQueuesMeters.ACCOUNT_TAG, key.first)
					.register(target()))
			.increment();
	}

	@Override
	public void batchSent(String queueName, int messages, String reason) {
		meter(new Key(CloudflareQueuesMeters.BATCH_SIZE, queueName, reason, ""), DistributionSummary.class,
				(key) -> DistributionSummary.builder(key.name)
					.description("Messages in each batch an auto-batching publisher sent, by why it left")
					.baseUnit(MESSAGES)
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue, CloudflareQueuesMeters.REASON_TAG, key.first)
					.register(target()))
			.record(messages);
	}

	@Override
	public void pulled(String queueName, int messages) {
		counter(CloudflareQueuesMeters.MESSAGES_PULLED, queueName, "", "",
				(key) -> Counter.builder(key.name)
					.description("Messages leased by pulls")
					.baseUnit(MESSAGES)
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue))
			.increment(messages);
	}

	@Override
	public void settled(String queueName, int acknowledged, int retried) {
		if (acknowledged > 0) {
			counter(CloudflareQueuesMeters.MESSAGES_ACKED, queueName, "", "",
					(key) -> Counter.builder(key.name)
						.description("Acknowledgements Cloudflare confirmed")
						.baseUnit(MESSAGES)
						.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue))
				.increment(acknowledged);
		}
		if (retried > 0) {
			counter(CloudflareQueuesMeters.MESSAGES_RETRIED, queueName, "", "",
					(key) -> Counter.builder(key.name)
						.description("Retries of leased messages Cloudflare confirmed")
						.baseUnit(MESSAGES)
						.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue))
				.increment(retried);
		}
	}

	@Override
	public void handled(String queueName, String listenerId, long nanos, @Nullable Throwable error) {
		String errorType = (error != null) ? errorType(error) : CloudflareQueuesObservationDocumentation.NO_ERROR;
		meter(new Key(CloudflareQueuesMeters.LISTENER_HANDLING, queueName, listenerId, errorType), Timer.class,
				(key) -> Timer.builder(key.name)
					.description("Time a listener took to handle a message, or a batch")
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue, CloudflareQueuesMeters.LISTENER_TAG, key.first,
							CloudflareQueuesMeters.ERROR_TYPE_TAG, key.second)
					.register(target()))
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void lastDeliveryFailed(String queueName, String listenerId) {
		counter(CloudflareQueuesMeters.LISTENER_DEAD_LETTERED, queueName, listenerId, "",
				(key) -> Counter.builder(key.name)
					.description("Messages a listener failed on their last delivery: Cloudflare dead-letters or drops them")
					.baseUnit(MESSAGES)
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue, CloudflareQueuesMeters.LISTENER_TAG, key.first))
			.increment();
	}

	@Override
	public void leaseOverrun(String queueName, String listenerId) {
		counter(CloudflareQueuesMeters.LISTENER_LEASE_OVERRUNS, queueName, listenerId, "",
				(key) -> Counter.builder(key.name)
					.description("Messages a listener handled past the end of their lease")
					.baseUnit(MESSAGES)
					.tags(CloudflareQueuesMeters.QUEUE_TAG, key.queue, CloudflareQueuesMeters.LISTENER_TAG, key.first))
			.increment();
	}

	/**
	 * Removes every meter this recorder registered.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.registered.forEach(this.registry::remove);
		this.registered.clear();
		this.meters.clear();
		this.sources.clear();
	}

	private <T> void gauge(Gauge.Builder<T> builder) {
		track(builder.strongReference(true).register(target()));
	}

	private MeterRegistry target() {
		return this.closed ? CLOSED : this.registry;
	}

	private Counter counter(String name, String queueName, String first, String second,
			Function<Key, Counter.Builder> builder) {
		return meter(new Key(name, queueName, first, second), Counter.class,
				(key) -> builder.apply(key).register(target()));
	}

	private <M extends Meter> M meter(Key key, Class<M> type, Function<Key, M> create) {
		if (this.closed) {
			return create.apply(key);
		}
		Meter meter = this.meters.get(key);
		if (meter == null) {
			meter = this.meters.computeIfAbsent(key, (missing) -> track(create.apply(missing)));
		}
		return type.cast(meter);
	}

	private <M extends Meter> M track(M meter) {
		if (!this.closed) {
			this.registered.add(meter);
		}
		return meter;
	}

	private static String errorType(Throwable error) {
		return error.getClass().getSimpleName();
	}

	private record Key(String name, String queue, String first, String second) {
	}

}
