package io.github.cfqueues.client.internal.api;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message leased by a pull. Acknowledge it (or ask for a retry) with its {@link #leaseId()} before the visibility
 * timeout ends, or it is delivered again.
 *
 * @param id Cloudflare's message id
 * @param contentType {@code metadata["CF-Content-Type"]} as sent ({@code text}, {@code json}, or a type only
 * Workers produce, such as {@code bytes} or {@code v8}), empty when absent
 * @param body the body as sent: the text itself for {@code text}, base64 of the payload for every other type
 * @param attempts how many times the message has been delivered, this time included
 * @param timestamp when the message was written
 * @param leaseId the lease, for acknowledging or retrying
 * @param metadata the message's metadata as Cloudflare sent it
 */
public record PulledMessage(String id, String contentType, String body, int attempts,
		@Nullable Instant timestamp, String leaseId, Map<String, String> metadata) {

	public PulledMessage {
		metadata = Map.copyOf(metadata);
	}

}
