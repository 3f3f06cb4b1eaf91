package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A queue's defaults for the messages pushed to it.
 *
 * @param contentType the content type of messages that name none ({@link QueueMessage#of(Object)})
 * @param delay the delivery delay of messages that set none, or {@code null} to send none
 */
public record QueuePublisherOptions(MessageContentType contentType, @Nullable Duration delay) {

	/**
	 * JSON, no delay.
	 */
	public static final QueuePublisherOptions DEFAULTS = new QueuePublisherOptions(MessageContentType.JSON, null);

	public QueuePublisherOptions {
		Objects.requireNonNull(contentType, "contentType must not be null");
		if (delay != null) {
			QueueMessage.checkDelay(delay, "The queue's default delay");
		}
	}

	/**
	 * A builder starting from the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link QueuePublisherOptions}.
	 */
	public static final class Builder {

		private MessageContentType contentType = MessageContentType.JSON;

		private @Nullable Duration delay;

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
		 * Builds the options.
		 * @return the options
		 */
		public QueuePublisherOptions build() {
			return new QueuePublisherOptions(this.contentType, this.delay);
		}

	}

}
