package io.github.cfqueues.client.internal.api;

import io.github.cfqueues.client.QueueLimits;

import java.util.Objects;

import io.github.cfqueues.client.MessageContentType;
import org.jspecify.annotations.Nullable;

/**
 * A message ready for the wire: its content type, the JSON value that goes into the request's {@code body} field
 * (UTF-8, serialized once), its delay in whole seconds, and its size by {@link QueueLimits the size rule}.
 *
 * @param contentType the content type
 * @param body the {@code body} field's JSON value as UTF-8 bytes: a quoted, escaped JSON string for {@code text},
 * the JSON text itself for {@code json}; never modified
 * @param delaySeconds the delay, or {@code null} to send none
 * @param size the size Cloudflare counts against its limits: the body's UTF-8 bytes as Cloudflare stores it (for
 * text, the string itself, not its JSON quoting) plus {@value QueueLimits#MESSAGE_OVERHEAD_BYTES}
 */
public record EncodedMessage(MessageContentType contentType, byte[] body, @Nullable Long delaySeconds, long size) {

	public EncodedMessage {
		Objects.requireNonNull(contentType, "contentType must not be null");
		Objects.requireNonNull(body, "body must not be null");
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

	@Override
	public String toString() {
		return "EncodedMessage[contentType=" + this.contentType.wireName() + ", delaySeconds=" + this.delaySeconds
				+ ", size=" + this.size + "]";
	}

}
