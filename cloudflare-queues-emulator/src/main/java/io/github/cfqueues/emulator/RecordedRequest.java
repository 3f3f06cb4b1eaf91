package io.github.cfqueues.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request the emulator received, as {@link CloudflareQueuesEmulator#requests()} lists it.
 *
 * @param method the HTTP method
 * @param path the raw request path, without the query
 * @param accountId the account id from the path, or {@code null} when the path matched no route
 * @param queueId the queue id from the path, or {@code null} when the path matched no route or names no queue
 * (the queue list)
 * @param status the HTTP status answered, or {@link #NO_RESPONSE} when the connection was dropped on purpose
 * @param receivedAt when the request arrived, by the emulator's clock
 * @param countedAgainstRateLimit whether the request counts toward the account API rate limit: an authenticated
 * call with valid ids that is not a pull or an ack and was not itself rejected by the limit (independent of
 * whether a limit is configured)
 * @param body the request body as UTF-8 text
 */
public record RecordedRequest(String method, String path, @Nullable String accountId, @Nullable String queueId,
		int status, Instant receivedAt, boolean countedAgainstRateLimit, String body) {

	/** The {@link #status()} of a request whose connection was closed without an answer. */
	public static final int NO_RESPONSE = 0;

	/**
	 * Returns whether the emulator closed the connection instead of answering.
	 * @return {@code true} for a dropped connection
	 */
	public boolean connectionDropped() {
		return this.status == NO_RESPONSE;
	}

}
