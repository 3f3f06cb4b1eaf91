package io.github.cfqueues.client.observation;

/**
 * A request the client makes to a queue, with its names after OpenTelemetry's messaging conventions.
 */
public enum QueueOperation {

	/**
	 * {@code POST .../messages}: one message.
	 */
	PUSH("push", "send"),

	/**
	 * {@code POST .../messages/batch}: up to 100 messages in one request.
	 */
	BATCH_PUSH("batch_push", "send"),

	/**
	 * {@code POST .../messages/pull}: leases messages.
	 */
	PULL("pull", "receive"),

	/**
	 * {@code POST .../messages/ack}: acknowledges and retries leased messages.
	 */
	ACK("ack", "settle"),

	/**
	 * {@code GET .../metrics}: reads the queue's backlog.
	 */
	METRICS("metrics", "metrics");

	private final String operationName;

	private final String operationType;

	QueueOperation(String operationName, String operationType) {
		this.operationName = operationName;
		this.operationType = operationType;
	}

	/**
	 * The value of {@code messaging.operation.name}.
	 * @return for example {@code batch_push}
	 */
	public String operationName() {
		return this.operationName;
	}

	/**
	 * The value of {@code messaging.operation.type}: {@code send}, {@code receive} or {@code settle}, as OpenTelemetry
	 * names them, or {@code metrics} for the backlog read, which is no messaging operation.
	 * @return the type
	 */
	public String operationType() {
		return this.operationType;
	}

	/**
	 * Whether the request carries a number of messages worth recording: a batch push, a pull, an acknowledgement.
	 * @return {@code true} for requests of several messages
	 */
	public boolean carriesBatch() {
		return this == BATCH_PUSH || this == PULL || this == ACK;
	}

}
