package io.github.cfqueues.client.listener;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.cfqueues.client.QueueMessage;
import org.jspecify.annotations.Nullable;

/**
 * How a listener's container works: how many messages it handles at once, when it acknowledges them, how it retries
 * the ones that fail, how it backs off while the queue is empty, and how it starts and stops. Immutable; build with
 * {@link #builder()}.
 */
public final class ListenerSettings {

	/**
	 * The defaults: 10 at once, acknowledged on success, failures retried after 10 s doubling to 10 min, max-retries
	 * 3 (Cloudflare's default), 1 s to 30 s between pulls while idle, started with the application, failing the
	 * startup on a first pull that retrying cannot fix, 30 s to finish handlers on stop.
	 */
	public static final ListenerSettings DEFAULTS = builder().build();

	private final int concurrency;

	private final AcknowledgementMode acknowledgementMode;

	private final Duration retryInitialDelay;

	private final double retryMultiplier;

	private final Duration retryMaxDelay;

	private final int maxRetries;

	private final Duration idleInterval;

	private final Duration maxIdleInterval;

	private final boolean autoStartup;

	private final StartupFailure startupFailure;

	private final Duration stopTimeout;

	private final boolean virtualThreads;

	private final @Nullable Executor handlerExecutor;

	private ListenerSettings(Builder builder) {
		if (builder.concurrency < 1) {
			throw new IllegalArgumentException("The concurrency must be at least 1, got " + builder.concurrency);
		}
		this.concurrency = builder.concurrency;
		this.acknowledgementMode = Objects.requireNonNull(builder.acknowledgementMode,
				"acknowledgementMode must not be null");
		this.retryInitialDelay = QueueMessage.checkDelay(builder.retryInitialDelay, "The first retry delay");
		if (builder.retryMultiplier < 1.0) {
			throw new IllegalArgumentException("The retry multiplier must be at least 1, got " + builder.retryMultiplier);
		}
		this.retryMultiplier = builder.retryMultiplier;
		this.retryMaxDelay = QueueMessage.checkDelay(builder.retryMaxDelay, "The longest retry delay");
		if (builder.maxRetries < 0 || builder.maxRetries > 100) {
			throw new IllegalArgumentException("max-retries must be from 0 to 100 (Cloudflare's limit), got "
					+ builder.maxRetries);
		}
		this.maxRetries = builder.maxRetries;
		this.idleInterval = positive(builder.idleInterval, "The idle interval");
		this.maxIdleInterval = positive(builder.maxIdleInterval, "The longest idle interval");
		if (this.maxIdleInterval.compareTo(this.idleInterval) < 0) {
			throw new IllegalArgumentException("The longest idle interval (" + this.maxIdleInterval
					+ ") must not be shorter than the idle interval (" + this.idleInterval + ")");
		}
		this.autoStartup = builder.autoStartup;
		this.startupFailure = Objects.requireNonNull(builder.startupFailure, "startupFailure must not be null");
		this.stopTimeout = positive(builder.stopTimeout, "The stop timeout");
		this.virtualThreads = builder.virtualThreads;
		this.handlerExecutor = builder.handlerExecutor;
	}

	private static Duration positive(Duration duration, String what) {
		Objects.requireNonNull(duration, () -> what + " must not be null");
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(what + " must be positive, got " + duration);
		}
		return duration;
	}

	/**
	 * A builder starting from the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder starting from these settings.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder().concurrency(this.concurrency)
			.acknowledgementMode(this.acknowledgementMode)
			.retryBackoff(this.retryInitialDelay, this.retryMultiplier, this.retryMaxDelay)
			.maxRetries(this.maxRetries)
			.idleInterval(this.idleInterval, this.maxIdleInterval)
			.autoStartup(this.autoStartup)
			.startupFailure(this.startupFailure)
			.stopTimeout(this.stopTimeout)
			.virtualThreads(this.virtualThreads)
			.handlerExecutor(this.handlerExecutor);
	}

	/**
	 * How many messages (or batches) are handled at once.
	 * @return at least 1
	 */
	public int concurrency() {
		return this.concurrency;
	}

	/**
	 * When messages are acknowledged.
	 * @return the mode
	 */
	public AcknowledgementMode acknowledgementMode() {
		return this.acknowledgementMode;
	}

	/**
	 * The retry delay of a message that failed on its first delivery.
	 * @return the delay
	 */
	public Duration retryInitialDelay() {
		return this.retryInitialDelay;
	}

	/**
	 * How much the retry delay grows with each further delivery.
	 * @return at least 1
	 */
	public double retryMultiplier() {
		return this.retryMultiplier;
	}

	/**
	 * The longest retry delay.
	 * @return at most 24 hours
	 */
	public Duration retryMaxDelay() {
		return this.retryMaxDelay;
	}

	/**
	 * The queue consumer's {@code max_retries}: a message that fails on delivery {@code maxRetries + 1} is on its
	 * last delivery, and is logged and counted.
	 * @return from 0 to 100
	 */
	public int maxRetries() {
		return this.maxRetries;
	}

	/**
	 * The wait before pulling again after an empty pull (or a failed one); it doubles, with jitter, up to
	 * {@link #maxIdleInterval()}.
	 * @return the first wait
	 */
	public Duration idleInterval() {
		return this.idleInterval;
	}

	/**
	 * The longest wait between pulls while the queue is empty or pulls fail.
	 * @return the cap
	 */
	public Duration maxIdleInterval() {
		return this.maxIdleInterval;
	}

	/**
	 * Whether the container starts with the application.
	 * @return whether to start
	 */
	public boolean autoStartup() {
		return this.autoStartup;
	}

	/**
	 * What a container does when its first pull fails in a way retrying cannot fix.
	 * @return fail the start, or warn and stay stopped
	 */
	public StartupFailure startupFailure() {
		return this.startupFailure;
	}

	/**
	 * How long stopping waits for the handlers still running.
	 * @return the timeout
	 */
	public Duration stopTimeout() {
		return this.stopTimeout;
	}

	/**
	 * Whether handlers run on virtual threads (Java 21 and later) instead of a pool of {@link #concurrency()}
	 * threads; not used when a {@link #handlerExecutor()} is set.
	 * @return whether to use virtual threads
	 */
	public boolean virtualThreads() {
		return this.virtualThreads;
	}

	/**
	 * The executor handlers run on instead of the container's own threads, still at most {@link #concurrency()} at
	 * once; the container never shuts it down.
	 * @return the executor, or {@code null} for threads of the container's own
	 */
	public @Nullable Executor handlerExecutor() {
		return this.handlerExecutor;
	}

	/**
	 * The retry delay of a message that failed on a delivery: {@link #retryInitialDelay()} times
	 * {@link #retryMultiplier()} for each earlier delivery, at most {@link #retryMaxDelay()}, in whole seconds.
	 * @param attempts the deliveries so far, this one included
	 * @return the delay
	 */
	public Duration retryDelay(int attempts) {
		double seconds = this.retryInitialDelay.toSeconds() * Math.pow(this.retryMultiplier, Math.max(0, attempts - 1));
		long capped = (long) Math.min(Math.ceil(seconds), this.retryMaxDelay.toSeconds());
		return Duration.ofSeconds(capped);
	}

	/**
	 * What a container does when its first pull fails in a way retrying cannot fix.
	 */
	public enum StartupFailure {

		/**
		 * Fail the start (and with it, the application's startup).
		 */
		FAIL,

		/**
		 * Log a warning once and stay stopped.
		 */
		WARN

	}

	/**
	 * Builds {@link ListenerSettings}.
	 */
	public static final class Builder {

		private int concurrency = 10;

		private AcknowledgementMode acknowledgementMode = AcknowledgementMode.ON_SUCCESS;

		private Duration retryInitialDelay = Duration.ofSeconds(10);

		private double retryMultiplier = 2.0;

		private Duration retryMaxDelay = Duration.ofMinutes(10);

		private int maxRetries = 3;

		private Duration idleInterval = Duration.ofSeconds(1);

		private Duration maxIdleInterval = Duration.ofSeconds(30);

		private boolean autoStartup = true;

		private StartupFailure startupFailure = StartupFailure.FAIL;

		private Duration stopTimeout = Duration.ofSeconds(30);

		private boolean virtualThreads;

		private @Nullable Executor handlerExecutor;

		private Builder() {
		}

		/**
		 * How many messages (or batches) are handled at once.
		 * @param concurrency at least 1
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * When messages are acknowledged.
		 * @param acknowledgementMode the mode
		 * @return this builder
		 */
		public Builder acknowledgementMode(AcknowledgementMode acknowledgementMode) {
			this.acknowledgementMode = acknowledgementMode;
			return this;
		}

		/**
		 * How failed messages are retried: after {@code initialDelay}, growing by {@code multiplier} with each
		 * delivery, up to {@code maxDelay}.
		 * @param initialDelay whole seconds, at most 24 hours
		 * @param multiplier at least 1
		 * @param maxDelay whole seconds, at most 24 hours
		 * @return this builder
		 */
		public Builder retryBackoff(Duration initialDelay, double multiplier, Duration maxDelay) {
			this.retryInitialDelay = initialDelay;
			this.retryMultiplier = multiplier;
			this.retryMaxDelay = maxDelay;
			return this;
		}

		/**
		 * The queue consumer's {@code max_retries}.
		 * @param maxRetries from 0 to 100
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * How long to wait between pulls while the queue is empty (or pulls fail): from {@code idleInterval},
		 * doubling with jitter up to {@code maxIdleInterval}.
		 * @param idleInterval the first wait
		 * @param maxIdleInterval the cap
		 * @return this builder
		 */
		public Builder idleInterval(Duration idleInterval, Duration maxIdleInterval) {
			this.idleInterval = idleInterval;
			this.maxIdleInterval = maxIdleInterval;
			return this;
		}

		/**
		 * Whether the container starts with the application.
		 * @param autoStartup whether to start
		 * @return this builder
		 */
		public Builder autoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
			return this;
		}

		/**
		 * What to do when the first pull fails in a way retrying cannot fix.
		 * @param startupFailure fail or warn
		 * @return this builder
		 */
		public Builder startupFailure(StartupFailure startupFailure) {
			this.startupFailure = startupFailure;
			return this;
		}

		/**
		 * How long stopping waits for the handlers still running.
		 * @param stopTimeout the timeout
		 * @return this builder
		 */
		public Builder stopTimeout(Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
			return this;
		}

		/**
		 * Whether handlers run on virtual threads (Java 21 and later).
		 * @param virtualThreads whether to use virtual threads
		 * @return this builder
		 */
		public Builder virtualThreads(boolean virtualThreads) {
			this.virtualThreads = virtualThreads;
			return this;
		}

		/**
		 * An executor to run handlers on, such as an application's {@code TaskExecutor}, instead of threads of the
		 * container's own (a pool, or virtual threads); the container still hands it at most
		 * {@link ListenerSettings#concurrency() concurrency} handlers at once, and leaves shutting it down to its
		 * owner. An executor that rejects a handler hands the message back to the queue.
		 * @param handlerExecutor the executor, or {@code null} for threads of the container's own
		 * @return this builder
		 */
		public Builder handlerExecutor(@Nullable Executor handlerExecutor) {
			this.handlerExecutor = handlerExecutor;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if a value is out of range
		 */
		public ListenerSettings build() {
			return new ListenerSettings(this);
		}

	}

}
