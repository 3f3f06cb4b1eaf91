package io.github.cfqueues.emulator;

import org.jspecify.annotations.Nullable;

/**
 * A request path resolved to a route and the still unvalidated ids it names.
 *
 * @param route the route
 * @param accountId the account id
 * @param queueId the queue id, or {@code null} for the queue list
 * @param consumerId the consumer id, or {@code null} unless the path names a consumer
 */
record ResolvedPath(Route route, String accountId, @Nullable String queueId, @Nullable String consumerId) {

	/**
	 * Fails with 400 and code 10107 if the account id, or the queue id when there is one, is malformed.
	 */
	void validateIds() {
		if (!QueueAddress.isValidId(this.accountId)) {
			throw ApiErrors.malformedId("account_id", this.accountId);
		}
		if (this.queueId != null && !QueueAddress.isValidId(this.queueId)) {
			throw ApiErrors.malformedId("queue_id", this.queueId);
		}
	}

	/**
	 * Returns the address of the queue the path names.
	 */
	QueueAddress address() {
		if (this.queueId == null) {
			throw new IllegalStateException(this.route + " names no queue");
		}
		return new QueueAddress(this.accountId, this.queueId);
	}

}
