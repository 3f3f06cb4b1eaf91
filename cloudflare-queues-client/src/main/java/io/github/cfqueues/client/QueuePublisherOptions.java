package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one publisher behaves, beyond what its {@link CloudflareQueuesClient client} sets for all: the defaults of the
 * messages pushed to its queue, the account the queue lives in and the credentials for it when they are not the
 * client's, and whether single pushes are gathered into batches. Immutable; build with {@link #builder()}.
 */
public final class QueuePublisherOptions {

	/**
	 * JSON, no delay, the client's account, credentials and batching.
	 */
	public static final QueuePublisherOptions DEFAULTS = builder().build();

	private final MessageContentType contentType;

	private final @Nullable Duration delay;

	private final @Nullable String accountId;

	private final @Nullable CloudflareCredentials credentials;

	private final Batching batching;

	private final @Nullable BatchingSettings batchingSettings;

	private QueuePublisherOptions(Builder builder) {
		this.contentType = Objects.requireNonNull(builder.contentType, "contentType must not be null");
		this.delay = (builder.delay != null) ? QueueMessage.checkDelay(builder.delay, "The queue's default delay")
				: null;
		this.accountId = (builder.accountId != null) ? QueueEndpoint.checkId(builder.accountId, "account id") : null;
		this.credentials = builder.credentials;
		this.batching = builder.batching;
		this.batchingSettings = builder.batchingSettings;
	}

	/**
	 * A builder starting from the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The content type of messages that name none ({@link QueueMessage#of(Object)}).
	 * @return the content type
	 */
	public MessageContentType contentType() {
		return this.contentType;
	}

	/**
	 * The delivery delay of messages that set none.
	 * @return the delay, or {@code null} to send none
	 */
	public @Nullable Duration delay() {
		return this.delay;
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
	 * Whether single pushes are gathered into batches, given what the client does by default.
	 * @param clientDefault the client's batching settings, {@code null} when it does not batch
	 * @return the settings to gather with, or {@code null} to send each push alone
	 */
	@Nullable BatchingSettings batching(@Nullable BatchingSettings clientDefault) {
		return switch (this.batching) {
			case CLIENT_DEFAULT -> clientDefault;
			case OFF -> null;
			case ON -> this.batchingSettings;
		};
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof QueuePublisherOptions that) && this.contentType == that.contentType
				&& Objects.equals(this.delay, that.delay) && Objects.equals(this.accountId, that.accountId)
				&& Objects.equals(this.credentials, that.credentials) && this.batching == that.batching
				&& Objects.equals(this.batchingSettings, that.batchingSettings);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.contentType, this.delay, this.accountId, this.credentials, this.batching,
				this.batchingSettings);
	}

	@Override
	public String toString() {
		return "QueuePublisherOptions[contentType=" + this.contentType.wireName() + ", delay=" + this.delay
				+ ", accountId=" + ((this.accountId != null) ? this.accountId : "the client's") + ", credentials="
				+ ((this.credentials != null) ? this.credentials : "the account's") + ", batching="
				+ switch (this.batching) {
					case CLIENT_DEFAULT -> "the client's";
					case OFF -> "off";
					case ON -> this.batchingSettings;
				} + "]";
	}

	private enum Batching {

		CLIENT_DEFAULT, OFF, ON

	}

	/**
	 * Builds {@link QueuePublisherOptions}.
	 */
	public static final class Builder {

		private MessageContentType contentType = MessageContentType.JSON;

		private @Nullable Duration delay;

		private @Nullable String accountId;

		private @Nullable CloudflareCredentials credentials;

		private Batching batching = Batching.CLIENT_DEFAULT;

		private @Nullable BatchingSettings batchingSettings;

		private Builder() {
		}

		/**
		 * The content type of messages that name none.
		 * @param contentType the content type
		 * @return this builder
		 */
		public Builder contentType(MessageContentType contentType) {
			this.contentType = contentType;
			return this;
		}

		/**
		 * The delay of messages that set none.
		 * @param delay whole seconds from 0 to 24 hours, or {@code null} for none
		 * @return this builder
		 */
		public Builder delay(@Nullable Duration delay) {
			this.delay = delay;
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
		 * Credentials for this queue only, for example a token scoped to it. By default, the credentials the client
		 * holds for the queue's account.
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder credentials(@Nullable CloudflareCredentials credentials) {
			this.credentials = credentials;
			return this;
		}

		/**
		 * Gathers single pushes into batches with the given settings, whatever the client does by default.
		 * @param batching the settings
		 * @return this builder
		 */
		public Builder batching(BatchingSettings batching) {
			this.batching = Batching.ON;
			this.batchingSettings = Objects.requireNonNull(batching, "batching must not be null");
			return this;
		}

		/**
		 * Sends each single push alone, whatever the client does by default.
		 * @return this builder
		 */
		public Builder noBatching() {
			this.batching = Batching.OFF;
			this.batchingSettings = null;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException if the delay or the account id is not one Cloudflare accepts
		 */
		public QueuePublisherOptions build() {
			return new QueuePublisherOptions(this);
		}

	}

}
