package io.github.cfqueues.client.error;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

/**
 * A received message's body could not be read as asked: not valid base64, or not JSON of the target type. Names the
 * message and the type. Not retryable: the same body fails the same way; settle the message (or let it go to the
 * dead-letter queue).
 */
public class MessageConversionException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	private final String messageId;

	private final transient @Nullable Type targetType;

	public MessageConversionException(String reason, FailureDetails details, String messageId,
			@Nullable Type targetType, @Nullable Throwable cause) {
		super(reason, details, cause);
		this.messageId = messageId;
		this.targetType = targetType;
	}

	/**
	 * The id of the message whose body could not be read.
	 * @return the message id
	 */
	public String getMessageId() {
		return this.messageId;
	}

	/**
	 * The type the body was to be read as.
	 * @return the type, or {@code null} when the body could not even be decoded to bytes
	 */
	public @Nullable Type getTargetType() {
		return this.targetType;
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
