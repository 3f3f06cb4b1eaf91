package io.github.cfqueues.emulator;

import java.time.Instant;

/**
 * An HTTP request as the API sees it.
 *
 * @param method the request method
 * @param path the raw path, without the query
 * @param query the raw query, without {@code ?}; empty when there is none
 * @param headers the header fields
 * @param body the body, empty when there is none
 * @param receivedAt when it arrived, by the emulator's clock
 */
record IncomingRequest(String method, String path, String query, RequestHeaders headers, byte[] body,
		Instant receivedAt) {
}
