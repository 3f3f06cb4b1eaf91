package io.github.cfqueues.emulator;

/**
 * A request path resolved to an operation and the still unvalidated ids it names.
 */
record RequestTarget(Operation operation, String accountId, String queueId) {

	/**
	 * Returns the queue address, or fails with 400 and code 10107 if either id is malformed.
	 */
	QueueAddress validAddress() {
		if (!QueueAddress.isValidId(this.accountId)) {
			throw ApiErrors.malformedId("account_id", this.accountId);
		}
		if (!QueueAddress.isValidId(this.queueId)) {
			throw ApiErrors.malformedId("queue_id", this.queueId);
		}
		return new QueueAddress(this.accountId, this.queueId);
	}

}
