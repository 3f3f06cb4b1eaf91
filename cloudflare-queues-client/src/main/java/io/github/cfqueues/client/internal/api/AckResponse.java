package io.github.cfqueues.client.internal.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer to an acknowledgement: how many leases were acknowledged and retried, and warnings by lease id
 * (Cloudflare sent a list of texts once and a map now; a list reads as warnings keyed by their position).
 *
 * @param ackCount the acknowledged messages, when Cloudflare said
 * @param retryCount the messages set to be retried, when Cloudflare said
 * @param warnings the warnings
 */
public record AckResponse(@Nullable Integer ackCount, @Nullable Integer retryCount, Map<String, String> warnings) {

	public AckResponse {
		warnings = Map.copyOf(warnings);
	}

}
