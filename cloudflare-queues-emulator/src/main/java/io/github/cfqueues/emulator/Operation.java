package io.github.cfqueues.emulator;

/**
 * The queue operations the emulator answers, by HTTP method and path suffix after
 * {@code /accounts/{account_id}/queues/{queue_id}/}.
 */
enum Operation {

	PUSH("POST", "messages"),

	BATCH("POST", "messages/batch"),

	PULL("POST", "messages/pull"),

	ACK("POST", "messages/ack"),

	METRICS("GET", "metrics");

	private final String method;

	private final String pathSuffix;

	Operation(String method, String pathSuffix) {
		this.method = method;
		this.pathSuffix = pathSuffix;
	}

	String method() {
		return this.method;
	}

	String pathSuffix() {
		return this.pathSuffix;
	}

	boolean isPush() {
		return this == PUSH || this == BATCH;
	}

	/**
	 * Pulls and acks are exempt from the account API rate limit; every other call counts.
	 */
	boolean countsAgainstRateLimit() {
		return this != PULL && this != ACK;
	}

}
