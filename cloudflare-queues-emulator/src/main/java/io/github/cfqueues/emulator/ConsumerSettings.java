package io.github.cfqueues.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The settings of a queue's HTTP pull consumer, as the consumers API shows them.
 * <p>
 * A message is delivered at most {@code maxRetries + 1} times ({@link #maxDeliveries()}): Cloudflare sends it to
 * the dead-letter queue "after retrying delivery (by default, 3 times)". When a message already delivered that
 * often is retried, or its lease runs out, it leaves the queue: it goes to the dead-letter queue as a new message
 * (same body and content type, no attempts yet) if one is named and exists in the account, and is dropped
 * otherwise.
 *
 * @param batchSize how many messages a pull that names no {@code batch_size} gets: 1 to 100
 * @param maxRetries how many times a message is delivered again after its first delivery: 0 to 100
 * @param retryDelay how long a message retried without {@code delay_seconds} waits: whole seconds from 0 to 86,400
 * @param visibilityTimeout how long a pull that names no {@code visibility_timeout_ms} leases its messages: whole
 * milliseconds up to 43,200,000 (12 hours)
 * @param deadLetterQueue the name of the queue, in the same account, that takes messages out of retries; or
 * {@code null} to drop them
 */
public record ConsumerSettings(int batchSize, int maxRetries, Duration retryDelay, Duration visibilityTimeout,
		@Nullable String deadLetterQueue) {

	/** The {@link #batchSize()} of a new consumer. */
	public static final int DEFAULT_BATCH_SIZE = 5;

	/** The largest {@link #batchSize()}. */
	public static final int MAX_BATCH_SIZE = 100;

	/** The {@link #maxRetries()} of a new consumer. */
	public static final int DEFAULT_MAX_RETRIES = 3;

	/** The largest {@link #maxRetries()}. */
	public static final int MAX_RETRIES_LIMIT = 100;

	/** The longest {@link #retryDelay()} in seconds. */
	public static final long MAX_RETRY_DELAY_SECONDS = 86_400;

	/** The {@link #visibilityTimeout()} of a new consumer in milliseconds. */
	public static final long DEFAULT_VISIBILITY_TIMEOUT_MS = 30_000;

	/** The longest {@link #visibilityTimeout()} in milliseconds (12 hours). */
	public static final long MAX_VISIBILITY_TIMEOUT_MS = 43_200_000;

	/**
	 * Validates the components.
	 * @param batchSize see {@link #batchSize()}
	 * @param maxRetries see {@link #maxRetries()}
	 * @param retryDelay see {@link #retryDelay()}
	 * @param visibilityTimeout see {@link #visibilityTimeout()}
	 * @param deadLetterQueue see {@link #deadLetterQueue()}
	 * @throws IllegalArgumentException if a value is out of bounds
	 */
	public ConsumerSettings {
		if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
			throw new IllegalArgumentException(
					"batchSize must be from 1 to " + MAX_BATCH_SIZE + ", not " + batchSize);
		}
		if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
			throw new IllegalArgumentException(
					"maxRetries must be from 0 to " + MAX_RETRIES_LIMIT + ", not " + maxRetries);
		}
		Durations.requireWholeSeconds(retryDelay, "retryDelay", 0, MAX_RETRY_DELAY_SECONDS);
		Durations.requireWholeMillis(visibilityTimeout, "visibilityTimeout", MAX_VISIBILITY_TIMEOUT_MS);
		if (deadLetterQueue != null) {
			QueueName.requireValid(deadLetterQueue, "deadLetterQueue");
		}
	}

	/**
	 * Returns the settings of a consumer created without any: batches of 5, 3 retries, no retry delay, 30 second
	 * leases, no dead-letter queue.
	 * @return the default settings
	 */
	public static ConsumerSettings defaults() {
		return new ConsumerSettings(DEFAULT_BATCH_SIZE, DEFAULT_MAX_RETRIES, Duration.ZERO,
				Duration.ofMillis(DEFAULT_VISIBILITY_TIMEOUT_MS), null);
	}

	/**
	 * Returns how many times a message is delivered at most.
	 * @return {@code maxRetries + 1}
	 */
	public int maxDeliveries() {
		return this.maxRetries + 1;
	}

	/**
	 * Returns a copy with another default batch size.
	 * @param batchSize see {@link #batchSize()}
	 * @return the new settings
	 */
	public ConsumerSettings withBatchSize(int batchSize) {
		return new ConsumerSettings(batchSize, this.maxRetries, this.retryDelay, this.visibilityTimeout,
				this.deadLetterQueue);
	}

	/**
	 * Returns a copy with another retry limit.
	 * @param maxRetries see {@link #maxRetries()}
	 * @return the new settings
	 */
	public ConsumerSettings withMaxRetries(int maxRetries) {
		return new ConsumerSettings(this.batchSize, maxRetries, this.retryDelay, this.visibilityTimeout,
				this.deadLetterQueue);
	}

	/**
	 * Returns a copy with another default retry delay.
	 * @param retryDelay see {@link #retryDelay()}
	 * @return the new settings
	 */
	public ConsumerSettings withRetryDelay(Duration retryDelay) {
		return new ConsumerSettings(this.batchSize, this.maxRetries, retryDelay, this.visibilityTimeout,
				this.deadLetterQueue);
	}

	/**
	 * Returns a copy with another default visibility timeout.
	 * @param visibilityTimeout see {@link #visibilityTimeout()}
	 * @return the new settings
	 */
	public ConsumerSettings withVisibilityTimeout(Duration visibilityTimeout) {
		return new ConsumerSettings(this.batchSize, this.maxRetries, this.retryDelay, visibilityTimeout,
				this.deadLetterQueue);
	}

	/**
	 * Returns a copy with another dead-letter queue.
	 * @param deadLetterQueue see {@link #deadLetterQueue()}
	 * @return the new settings
	 */
	public ConsumerSettings withDeadLetterQueue(@Nullable String deadLetterQueue) {
		return new ConsumerSettings(this.batchSize, this.maxRetries, this.retryDelay, this.visibilityTimeout,
				deadLetterQueue);
	}

}
