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
 * @param body the request body as UTF-8 text, not yet validated: an injector that must decide the same way however
 * the requests interleave can tell them apart by what they carry
 */
public record FaultRequest(String method, String path, String accountId, String queueId, long sequence, String body) {

	/**
	 * A request without a body.
	 * @param method the HTTP method
	 * @param path the raw request path
	 * @param accountId the account id from the path
	 * @param queueId the queue id from the path
	 * @param sequence the 1-based number of this request among all push and batch requests
	 */
	public FaultRequest(String method, String path, String accountId, String queueId, long sequence) {
		this(method, path, accountId, queueId, sequence, "");
	}

	/**
	 * Returns whether this is a batch push.
	 * @return {@code true} for {@code POST .../messages/batch}
	 */
	public boolean isBatch() {
		return this.path.endsWith("/messages/batch");
	}

}
