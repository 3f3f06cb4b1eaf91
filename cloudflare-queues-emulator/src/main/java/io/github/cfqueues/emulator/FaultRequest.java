package io.github.cfqueues.emulator;

/**
 * The push or batch request a {@link FaultInjector} decides about. It has passed authentication, id validation
 * and the rate limit.
 *
 * @param method the HTTP method
 * @param path the raw request path
 * @param accountId the account id from the path
 * @param queueId the queue id from the path
 * @param sequence the 1-based number of this request among all push and batch requests the emulator has decided
 * about since it was built
 */
public record FaultRequest(String method, String path, String accountId, String queueId, long sequence) {

	/**
	 * Returns whether this is a batch push.
	 * @return {@code true} for {@code POST .../messages/batch}
	 */
	public boolean isBatch() {
		return this.path.endsWith("/messages/batch");
	}

}
