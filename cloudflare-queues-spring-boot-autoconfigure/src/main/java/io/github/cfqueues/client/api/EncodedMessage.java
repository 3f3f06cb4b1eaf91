package io.github.cfqueues.client.api;

import java.util.Objects;

import io.github.cfqueues.client.MessageContentType;
import org.jspecify.annotations.Nullable;

/**
 * A message ready for the wire: its content type, its body as sent, its delay in whole seconds and its size by
 * {@link QueueLimits the size rule}.
 *
 * @param contentType the content type
 * @param body the body: the text itself for {@code text}, the JSON text for {@code json}
 * @param delaySeconds the delay, or {@code null} to send none
 * @param size the size Cloudflare counts against its limits
 */
public record EncodedMessage(MessageContentType contentType, String body, @Nullable Long delaySeconds, long size) {

	public EncodedMessage {
		Objects.requireNonNull(contentType, "contentType must not be null");
		Objects.requireNonNull(body, "body must not be null");
	}

	/**
	 * Encodes a body whose size is computed by the size rule.
	 * @param contentType the content type
	 * @param body the body as sent
	 * @param delaySeconds the delay, or {@code null}
	 * @return the message
	 */
	public static EncodedMessage of(MessageContentType contentType, String body, @Nullable Long delaySeconds) {
		return new EncodedMessage(contentType, body, delaySeconds, QueueLimits.messageSize(body));
	}

}
