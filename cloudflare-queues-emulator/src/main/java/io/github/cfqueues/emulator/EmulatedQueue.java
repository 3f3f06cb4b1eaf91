package io.github.cfqueues.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue of the emulator, seen from Java: what it holds, what happened to its messages, its settings and its
 * HTTP pull consumer. Changes made over HTTP show at once, and time-dependent changes (leases running out,
 * retention) are applied on the emulator's clock before every read. Instances are cheap views and safe to use
 * from any thread; the lists they return are immutable snapshots.
 */
public final class EmulatedQueue {

	private final ManagedQueue queue;

	private final DeadLetters deadLetters;

	EmulatedQueue(ManagedQueue queue, DeadLetters deadLetters) {
		this.queue = queue;
		this.deadLetters = deadLetters;
	}

	/**
	 * Returns the account id of this queue.
	 * @return the account id
	 */
	public String accountId() {
		return this.queue.address().accountId();
	}

	/**
	 * Returns the id of this queue.
	 * @return the queue id
	 */
	public String queueId() {
		return this.queue.address().queueId();
	}

	/**
	 * Returns the name of this queue, unique within its account.
	 * @return the queue name
	 */
	public String name() {
		return this.queue.name();
	}

	/**
	 * Returns the queue's settings.
	 * @return the settings
	 */
	public QueueSettings settings() {
		return this.queue.settings();
	}

	/**
	 * Replaces the queue's settings, as {@code PUT /queues/{queue_id}} does.
	 * @param settings the new settings
	 */
	public void updateSettings(QueueSettings settings) {
		this.queue.updateSettings(Objects.requireNonNull(settings, "settings must not be null"));
	}

	/**
	 * Returns the settings of the queue's HTTP pull consumer. Without one, HTTP pull is not enabled: pulls and
	 * acks fail.
	 * @return the consumer's settings, or empty when the queue has no consumer
	 */
	public Optional<ConsumerSettings> consumer() {
		HttpPullConsumer consumer = this.queue.consumer();
		return (consumer != null) ? Optional.of(consumer.settings()) : Optional.empty();
	}

	/**
	 * Gives the queue an HTTP pull consumer with these settings, or changes the settings of the one it has.
	 * @param settings the consumer's settings
	 */
	public void configureConsumer(ConsumerSettings settings) {
		this.queue.configureConsumer(Objects.requireNonNull(settings, "settings must not be null"));
	}

	/**
	 * Removes the queue's consumer, if any: HTTP pull is then disabled, and pulls and acks fail.
	 */
	public void removeConsumer() {
		this.queue.removeConsumer();
	}

	/**
	 * Returns a snapshot of every message the queue holds, delayed and leased ones included, in arrival order.
	 * @return the messages
	 */
	public List<StoredMessage> messages() {
		catchUp();
		return this.queue.store().messages();
	}

	/**
	 * Returns the number of messages the queue holds, as the metrics endpoint reports it.
	 * @return the backlog count
	 */
	public long backlogCount() {
		return metrics().backlogCount();
	}

	/**
	 * Returns the sum of the sizes of the messages the queue holds, as the metrics endpoint reports it.
	 * @return the backlog bytes
	 * @see StoredMessage#sizeBytes()
	 */
	public long backlogBytes() {
		return metrics().backlogBytes();
	}

	/**
	 * Returns when the oldest message the queue holds arrived.
	 * @return the arrival time, or empty when the queue is empty
	 */
	public Optional<Instant> oldestMessageTimestamp() {
		QueueMetrics metrics = metrics();
		return (metrics.backlogCount() > 0) ? Optional.of(Instant.ofEpochMilli(metrics.oldestMessageTimestampMs()))
				: Optional.empty();
	}

	/**
	 * Returns every message the queue accepted, in order, as it was accepted, including those acknowledged,
	 * dead-lettered or dropped since (and those moved here from a queue that names this one its dead-letter
	 * queue).
	 * @return the messages received
	 */
	public List<StoredMessage> received() {
		catchUp();
		return this.queue.history().received();
	}

	/**
	 * Returns every message acknowledged, in order, as it was when acknowledged.
	 * @return the messages acknowledged
	 */
	public List<StoredMessage> acknowledged() {
		catchUp();
		return this.queue.history().acknowledged();
	}

	/**
	 * Returns every retry a consumer asked for, in order, with the delay applied.
	 * @return the retries
	 */
	public List<RetriedMessage> retried() {
		catchUp();
		return this.queue.history().retried();
	}

	/**
	 * Returns every message that ran out of retries and moved to the dead-letter queue, in order.
	 * @return the messages dead-lettered
	 * @see ConsumerSettings
	 */
	public List<DeadLetteredMessage> deadLettered() {
		catchUp();
		return this.queue.history().deadLettered();
	}

	/**
	 * Returns every message discarded unacknowledged, in order: out of retries with no dead-letter queue, or past
	 * the retention period.
	 * @return the messages dropped
	 */
	public List<DroppedMessage> dropped() {
		catchUp();
		return this.queue.history().dropped();
	}

	/**
	 * Removes every message, forgets every lease and forgets the history ({@link #received()},
	 * {@link #acknowledged()}, {@link #retried()}, {@link #deadLettered()}, {@link #dropped()}). Settings and
	 * consumer stay.
	 */
	public void clear() {
		this.queue.store().clear();
		this.queue.history().clear();
	}

	@Override
	public String toString() {
		return "EmulatedQueue[" + accountId() + "/" + queueId() + "]";
	}

	private QueueMetrics metrics() {
		catchUp();
		return this.queue.store().metrics();
	}

	private void catchUp() {
		this.deadLetters.catchUp(accountId());
	}

}
