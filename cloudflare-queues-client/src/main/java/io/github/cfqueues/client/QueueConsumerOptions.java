package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

import io.github.cfqueues.client.admin.HttpPullConsumerSettings;
import org.jspecify.annotations.Nullable;

/**
 * How one consumer behaves: its pulls' defaults, how long it gathers settlements before sending them, and the
 * account and credentials of its queue when they are not its client's. Immutable; build with {@link #builder()}.
 */
public final class QueueConsumerOptions {

	/**
	 * Pulls of 10 messages leased for 30 seconds, settlements sent within 50 ms, the client's account and
	 * credentials.
	 */
	public static final QueueConsumerOptions DEFAULTS = builder().build();

	private final int batchSize;

	private final Duration visibilityTimeout;

	private final Duration ackMaxWait;

	private final @Nullable String accountId;

	private final @Nullable CloudflareCredentials credentials;

	private final @Nullable HttpPullConsumerSettings createIfMissing;

	private QueueConsumerOptions(Builder builder) {
		this.batchSize = checkBatchSize(builder.batchSize);
		this.visibilityTimeout = checkVisibilityTimeout(builder.visibilityTimeout);
		Objects.requireNonNull(builder.ackMaxWait, "ackMaxWait must not be null");
		if (builder.ackMaxWait.isNegative()) {
			throw new IllegalArgumentException("The ack max-wait must not be negative, got " + builder.ackMaxWait);
		}
		this.ackMaxWait = builder.ackMaxWait;
		this.accountId = (builder.accountId != null) ? QueueEndpoint.checkId(builder.accountId, "account id") : null;
		this.credentials = builder.credentials;
		this.createIfMissing = builder.createIfMissing;
	}

	/**
	 * A builder starting from the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Checks a pull's batch size against Cloudflare's limit.
	 * @param batchSize the batch size
	 * @return the batch size
	 * @throws IllegalArgumentException if it is not from 1 to {@value QueueLimits#MAX_PULL_BATCH}
	 */
	public static int checkBatchSize(int batchSize) {
		if (batchSize < 1 || batchSize > QueueLimits.MAX_PULL_BATCH) {
			throw new IllegalArgumentException("The batch size of a pull must be from 1 to "
					+ QueueLimits.MAX_PULL_BATCH + " (Cloudflare's limit), got " + batchSize);
		}
		return batchSize;
	}

	/**
	 * Checks a pull's visibility timeout against Cloudflare's limit.
	 * @param visibilityTimeout the timeout
	 * @return the timeout
	 * @throws IllegalArgumentException if it is not positive, not whole milliseconds, or over 12 hours
	 */
	public static Duration checkVisibilityTimeout(Duration visibilityTimeout) {
		Objects.requireNonNull(visibilityTimeout, "The visibility timeout must not be null");
		if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
			throw new IllegalArgumentException("The visibility timeout must be positive, got " + visibilityTimeout);
		}
		if (visibilityTimeout.getNano() % 1_000_000 != 0) {
			throw new IllegalArgumentException("The visibility timeout must be whole milliseconds (Cloudflare takes "
					+ "visibility_timeout_ms), got " + visibilityTimeout);
		}
		if (visibilityTimeout.compareTo(QueueLimits.MAX_VISIBILITY_TIMEOUT) > 0) {
			throw new IllegalArgumentException("The visibility timeout must be at most 12 hours ("
					+ QueueLimits.MAX_VISIBILITY_TIMEOUT.toMillis() + " ms, Cloudflare's limit), got "
					+ visibilityTimeout);
		}
		return visibilityTimeout;
	}

	/**
	 * How many messages a pull leases at most.
	 * @return from 1 to 100
	 */
	public int batchSize() {
		return this.batchSize;
	}

	/**
	 * How long pulled messages stay leased.
	 * @return the timeout
	 */
	public Duration visibilityTimeout() {
		return this.visibilityTimeout;
	}

	/**
	 * How long a settlement (acknowledgement or retry) waits for others to travel with it.
	 * @return the wait
	 */
	public Duration ackMaxWait() {
		return this.ackMaxWait;
	}

	/**
	 * The account the queue lives in.
	 * @return the account id, or {@code null} for the client's account
	 */
	public @Nullable String accountId() {
		return this.accountId;
	}

	/**
	 * The credentials for the queue.
	 * @return the credentials, or {@code null} for those the client holds for the queue's account
	 */
	public @Nullable CloudflareCredentials credentials() {
		return this.credentials;
	}

	/**
	 * The HTTP pull consumer to create before the first pull when the queue has none.
	 * @return its settings, or {@code null} to create none (a pull from a queue without one fails)
	 */
	public @Nullable HttpPullConsumerSettings createIfMissing() {
		return this.createIfMissing;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof QueueConsumerOptions that) && this.batchSize == that.batchSize
				&& this.visibilityTimeout.equals(that.visibilityTimeout) && this.ackMaxWait.equals(that.ackMaxWait)
				&& Objects.equals(this.accountId, that.accountId) && Objects.equals(this.credentials, that.credentials)
				&& Objects.equals(this.createIfMissing, that.createIfMissing);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.batchSize, this.visibilityTimeout, this.ackMaxWait, this.accountId, this.credentials,
				this.createIfMissing);
	}

	@Override
	public String toString() {
		return "QueueConsumerOptions[batchSize=" + this.batchSize + ", visibilityTimeout=" + this.visibilityTimeout
				+ ", ackMaxWait=" + this.ackMaxWait + ", accountId="
				+ ((this.accountId != null) ? this.accountId : "the client's") + ", credentials="
				+ ((this.credentials != null) ? this.credentials : "the account's") + ", createIfMissing="
				+ ((this.createIfMissing != null) ? this.createIfMissing : "no") + "]";
	}

	/**
	 * Builds {@link QueueConsumerOptions}.
	 */
	public static final class Builder {

		private int batchSize = 10;

		private Duration visibilityTimeout = Duration.ofSeconds(30);

		private Duration ackMaxWait = Duration.ofMillis(50);

		private @Nullable String accountId;

		private @Nullable CloudflareCredentials credentials;

		private @Nullable HttpPullConsumerSettings createIfMissing;

		private Builder() {
		}

		/**
		 * How many messages {@link QueueConsumer#pull()} leases at most (10 by default).
		 * @param batchSize from 1 to 100
		 * @return this builder
		 */
		public Builder batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		/**
		 * How long messages {@link QueueConsumer#pull()} leases stay leased (30 seconds by default): the time a
		 * message has to be handled and settled before it is delivered again. There is no call to extend a lease.
		 * @param visibilityTimeout positive whole milliseconds, at most 12 hours
		 * @return this builder
		 */
		public Builder visibilityTimeout(Duration visibilityTimeout) {
			this.visibilityTimeout = visibilityTimeout;
			return this;
		}

		/**
		 * How long a settlement waits for others to travel with it in one request (50 ms by default); 100 leases
		 * leave at once.
		 * @param ackMaxWait the wait, zero to send each at once
		 * @return this builder
		 */
		public Builder ackMaxWait(Duration ackMaxWait) {
			this.ackMaxWait = ackMaxWait;
			return this;
		}

		/**
		 * The account the queue lives in, when it is not the client's.
		 * @param accountId the account id
		 * @return this builder
		 */
		public Builder accountId(@Nullable String accountId) {
			this.accountId = accountId;
			return this;
		}

		/**
		 * Credentials for this queue only. By default, the credentials the client holds for the queue's account.
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder credentials(@Nullable CloudflareCredentials credentials) {
			this.credentials = credentials;
			return this;
		}

		/**
		 * Enables HTTP pull on the queue if it is not: before its first pull the consumer reads the queue's
		 * consumers and, when there is none, creates an HTTP pull consumer with these settings (logged once at
		 * INFO). Off by default: nothing is created unless asked. Needs "Queues Write"; a queue with a Worker
		 * consumer cannot have one.
		 * @param settings the settings of the consumer to create, or {@code null} to create none
		 * @return this builder
		 */
		public Builder createIfMissing(@Nullable HttpPullConsumerSettings settings) {
			this.createIfMissing = settings;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException if a value is outside Cloudflare's limits
		 */
		public QueueConsumerOptions build() {
			return new QueueConsumerOptions(this);
		}

	}

}
