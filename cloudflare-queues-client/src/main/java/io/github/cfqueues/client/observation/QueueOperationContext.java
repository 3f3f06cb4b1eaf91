package io.github.cfqueues.client.observation;

import java.util.Objects;

import io.micrometer.observation.Observation;

/**
 * The context of one request to a queue: the operation, the queue's name in the application, and how many messages
 * the request carried (for a pull, how many it leased, known once it is answered). Retries of the request and its
 * wait for a rate-limit permit are part of it (for an auto-batching publisher, the waits for permits after the
 * first, which it takes before sealing the batch); each HTTP attempt is observed inside it.
 */
public class QueueOperationContext extends Observation.Context {

	private final QueueOperation operation;

	private final String queueName;

	private volatile int messageCount;

	private volatile boolean cancelled;

	/**
	 * Creates the context of a request.
	 * @param operation the operation
	 * @param queueName the queue's name in the application
	 * @param messageCount how many messages the request carries, 0 when not known yet
	 */
	public QueueOperationContext(QueueOperation operation, String queueName, int messageCount) {
		this.operation = Objects.requireNonNull(operation, "operation must not be null");
		this.queueName = Objects.requireNonNull(queueName, "queueName must not be null");
		this.messageCount = messageCount;
	}

	/**
	 * The operation.
	 * @return the operation
	 */
	public QueueOperation getOperation() {
		return this.operation;
	}

	/**
	 * The queue's name in the application, as configured ({@code default} for the top-level queue).
	 * @return the name
	 */
	public String getQueueName() {
		return this.queueName;
	}

	/**
	 * How many messages the request carried: sent in a batch push or an acknowledgement, leased by a pull.
	 * @return the count, 0 when not known
	 */
	public int getMessageCount() {
		return this.messageCount;
	}

	/**
	 * Sets how many messages the request carried, once known.
	 * @param messageCount the count
	 */
	public void setMessageCount(int messageCount) {
		this.messageCount = messageCount;
	}

	/**
	 * Whether the caller cancelled the request before it was answered: its outcome is unknown.
	 * @return {@code true} when cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Marks the request as cancelled before it was answered.
	 * @param cancelled whether it was
	 */
	public void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

}
