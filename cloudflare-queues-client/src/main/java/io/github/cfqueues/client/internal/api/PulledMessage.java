package io.github.cfqueues.client.internal.api;

import io.github.cfqueues.client.MessageContentType;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message leased by a pull. Acknowledge it (or ask for a retry) with its {@link #leaseId()} before the visibility
 * timeout ends, or it is delivered again.
 *
 * @param id Cloudflare's message id
 * @param contentType the content type from {@code metadata["CF-Content-Type"]}, {@code null} for types the HTTP
 * API cannot carry
 * @param body the body: the text for {@code text}, the JSON text for {@code json} (decoded from the base64 the API
 * sends), the base64 text as sent for other types
 * @param attempts how many times the message has been delivered, this time included
 * @param timestamp when the message was written
 * @param leaseId the lease, for acknowledging or retrying
 * @param metadata the message's metadata as Cloudflare sent it
 */
public record PulledMessage(String id, @Nullable MessageContentType contentType, String body, int attempts,
		@Nullable Instant timestamp, String leaseId, Map<String, String> metadata) {

	public PulledMessage {
		metadata = Map.copyOf(metadata);
	}

}
