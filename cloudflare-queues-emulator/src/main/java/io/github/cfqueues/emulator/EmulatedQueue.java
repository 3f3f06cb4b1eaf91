package io.github.cfqueues.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A queue of the emulator, seen from Java: what it holds, and a way to empty it. Changes made over HTTP show at
 * once; instances are cheap views and safe to use from any thread.
 */
public final class EmulatedQueue {

	private final MessageStore store;

	EmulatedQueue(MessageStore store) {
		this.store = store;
	}

	/**
	 * Returns the account id of this queue.
	 * @return the account id
	 */
	public String accountId() {
		return this.store.address().accountId();
	}

	/**
	 * Returns the id of this queue.
	 * @return the queue id
	 */
	public String queueId() {
		return this.store.address().queueId();
	}

	/**
	 * Returns a snapshot of every message the queue holds, delayed and leased ones included, in arrival order.
	 * @return the messages
	 */
	public List<StoredMessage> messages() {
		return this.store.messages();
	}

	/**
	 * Returns the number of messages the queue holds, as the metrics endpoint reports it.
	 * @return the backlog count
	 */
	public long backlogCount() {
		return this.store.metrics().backlogCount();
	}

	/**
	 * Returns the sum of the sizes of the messages the queue holds, as the metrics endpoint reports it.
	 * @return the backlog bytes
	 * @see StoredMessage#sizeBytes()
	 */
	public long backlogBytes() {
		return this.store.metrics().backlogBytes();
	}

	/**
	 * Returns when the oldest message the queue holds arrived.
	 * @return the arrival time, or empty when the queue is empty
	 */
	public Optional<Instant> oldestMessageTimestamp() {
		QueueMetrics metrics = this.store.metrics();
		return (metrics.backlogCount() > 0) ? Optional.of(Instant.ofEpochMilli(metrics.oldestMessageTimestampMs()))
				: Optional.empty();
	}

	/**
	 * Removes every message and forgets every lease.
	 */
	public void clear() {
		this.store.clear();
	}

	@Override
	public String toString() {
		return "EmulatedQueue[" + accountId() + "/" + queueId() + "]";
	}

}
