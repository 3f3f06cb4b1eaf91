package io.github.cfqueues.emulator;

/**
 * The operations the emulator answers, by route and HTTP method.
 */
enum Operation {

	LIST_QUEUES(Route.QUEUES, "GET"),

	CREATE_QUEUE(Route.QUEUES, "POST"),

	GET_QUEUE(Route.QUEUE, "GET"),

	UPDATE_QUEUE(Route.QUEUE, "PUT"),

	EDIT_QUEUE(Route.QUEUE, "PATCH"),

	DELETE_QUEUE(Route.QUEUE, "DELETE"),

	PUSH(Route.MESSAGES, "POST"),

	BATCH(Route.MESSAGES_BATCH, "POST"),

	PULL(Route.MESSAGES_PULL, "POST"),

	ACK(Route.MESSAGES_ACK, "POST"),

	METRICS(Route.METRICS, "GET"),

	PURGE_STATUS(Route.PURGE, "GET"),

	PURGE(Route.PURGE, "POST"),

	LIST_CONSUMERS(Route.CONSUMERS, "GET"),

	CREATE_CONSUMER(Route.CONSUMERS, "POST"),

	GET_CONSUMER(Route.CONSUMER, "GET"),

	UPDATE_CONSUMER(Route.CONSUMER, "PUT"),

	DELETE_CONSUMER(Route.CONSUMER, "DELETE");

	private final Route route;

	private final String method;

	Operation(Route route, String method) {
		this.route = route;
		this.method = method;
	}

	Route route() {
		return this.route;
	}

	String method() {
		return this.method;
	}

	boolean isPush() {
		return this == PUSH || this == BATCH;
	}

	/**
	 * Returns whether the operation acts on the messages of a queue (or reads its metrics): the ones for which
	 * an unknown queue may be created automatically.
	 */
	boolean isMessageOperation() {
		return this == PUSH || this == BATCH || this == PULL || this == ACK || this == METRICS;
	}

	/**
	 * Returns whether the operation names no queue: the queue list and queue creation.
	 */
	boolean isAccountOperation() {
		return this.route == Route.QUEUES;
	}

	/**
	 * Pulls and acks are exempt from the account API rate limit; every other call counts.
	 */
	boolean countsAgainstRateLimit() {
		return this != PULL && this != ACK;
	}

}
