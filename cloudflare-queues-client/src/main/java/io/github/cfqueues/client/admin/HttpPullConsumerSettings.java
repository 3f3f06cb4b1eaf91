package io.github.cfqueues.client.admin;

import java.time.Duration;
import java.util.Objects;

import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an HTTP pull consumer to create, or to replace a consumer's settings with. A setting left unset
 * is not sent, and takes Cloudflare's default (batches of 5, 3 retries, no retry delay, 30 second leases, no
 * dead-letter queue). Checked against Cloudflare's bounds when set.
 * <pre>{@code
 * admin.createHttpPullConsumer(queueId, HttpPullConsumerSettings.builder()
 *         .maxRetries(5)
 *         .deadLetterQueue("orders-dlq")
 *         .build());
 * }</pre>
 */
public final class HttpPullConsumerSettings {

	/**
	 * Settings that leave everything to Cloudflare's defaults.
	 */
	public static final HttpPullConsumerSettings DEFAULTS = builder().build();

	/**
	 * The most retries Cloudflare allows.
	 */
	public static final int MAX_RETRIES_LIMIT = 100;

	private final @Nullable Integer batchSize;

	private final @Nullable Integer maxRetries;

	private final @Nullable Duration retryDelay;

	private final @Nullable Duration visibilityTimeout;

	private final @Nullable String deadLetterQueue;

	private HttpPullConsumerSettings(Builder builder) {
		this.batchSize = builder.batchSize;
		this.maxRetries = builder.maxRetries;
		this.retryDelay = builder.retryDelay;
		this.visibilityTimeout = builder.visibilityTimeout;
		this.deadLetterQueue = builder.deadLetterQueue;
	}

	/**
	 * Starts settings that leave everything to Cloudflare's defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * How many messages a pull that names no batch size gets.
	 * @return from 1 to 100, or {@code null} for Cloudflare's default
	 */
	public @Nullable Integer batchSize() {
		return this.batchSize;
	}

	/**
	 * How many times a message is delivered again after its first delivery, before it goes to the dead-letter queue
	 * or is dropped.
	 * @return from 0 to 100, or {@code null} for Cloudflare's default
	 */
	public @Nullable Integer maxRetries() {
		return this.maxRetries;
	}

	/**
	 * How long a message retried without a delay of its own waits.
	 * @return the delay, or {@code null} for Cloudflare's default
	 */
	public @Nullable Duration retryDelay() {
		return this.retryDelay;
	}

	/**
	 * How long a pull that names no visibility timeout leases its messages.
	 * @return the timeout, or {@code null} for Cloudflare's default
	 */
	public @Nullable Duration visibilityTimeout() {
		return this.visibilityTimeout;
	}

	/**
	 * The name of the queue, in the same account, that takes messages out of retries.
	 * @return the queue's name, or {@code null} to drop them
	 */
	public @Nullable String deadLetterQueue() {
		return this.deadLetterQueue;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof HttpPullConsumerSettings that && Objects.equals(this.batchSize, that.batchSize)
				&& Objects.equals(this.maxRetries, that.maxRetries) && Objects.equals(this.retryDelay, that.retryDelay)
				&& Objects.equals(this.visibilityTimeout, that.visibilityTimeout)
				&& Objects.equals(this.deadLetterQueue, that.deadLetterQueue);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.batchSize, this.maxRetries, this.retryDelay, this.visibilityTimeout,
				this.deadLetterQueue);
	}

	@Override
	public String toString() {
		return "HttpPullConsumerSettings[batchSize=" + this.batchSize + ", maxRetries=" + this.maxRetries
				+ ", retryDelay=" + this.retryDelay + ", visibilityTimeout=" + this.visibilityTimeout
				+ ", deadLetterQueue=" + this.deadLetterQueue + "]";
	}

	/**
	 * Builds {@link HttpPullConsumerSettings}.
	 */
	public static final class Builder {

		private @Nullable Integer batchSize;

		private @Nullable Integer maxRetries;

		private @Nullable Duration retryDelay;

		private @Nullable Duration visibilityTimeout;

		private @Nullable String deadLetterQueue;

		private Builder() {
		}

		/**
		 * How many messages a pull that names no batch size gets.
		 * @param batchSize from 1 to 100
		 * @return this builder
		 */
		public Builder batchSize(int batchSize) {
			this.batchSize = QueueConsumerOptions.checkBatchSize(batchSize);
			return this;
		}

		/**
		 * How many times a message is delivered again after its first delivery.
		 * @param maxRetries from 0 to 100
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
				throw new IllegalArgumentException("The consumer's max retries must be from 0 to " + MAX_RETRIES_LIMIT
						+ " (Cloudflare's limit), got " + maxRetries);
			}
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * How long a message retried without a delay of its own waits.
		 * @param retryDelay whole seconds, at most 24 hours
		 * @return this builder
		 */
		public Builder retryDelay(Duration retryDelay) {
			this.retryDelay = QueueMessage.checkDelay(retryDelay, "The consumer's retry delay");
			return this;
		}

		/**
		 * How long a pull that names no visibility timeout leases its messages.
		 * @param visibilityTimeout positive whole milliseconds, at most 12 hours
		 * @return this builder
		 */
		public Builder visibilityTimeout(Duration visibilityTimeout) {
			this.visibilityTimeout = QueueConsumerOptions.checkVisibilityTimeout(visibilityTimeout);
			return this;
		}

		/**
		 * The queue, in the same account, that takes messages out of retries.
		 * @param deadLetterQueue the queue's name, or {@code null} to drop such messages
		 * @return this builder
		 */
		public Builder deadLetterQueue(@Nullable String deadLetterQueue) {
			this.deadLetterQueue = (deadLetterQueue != null)
					? QueueNames.check(deadLetterQueue, "The dead-letter queue's name") : null;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 */
		public HttpPullConsumerSettings build() {
			return new HttpPullConsumerSettings(this);
		}

	}

}
