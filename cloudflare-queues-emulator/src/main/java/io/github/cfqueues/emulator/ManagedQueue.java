package io.github.cfqueues.emulator;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One queue of the emulator: its identity, name, settings, HTTP pull consumer, last purge, messages and history.
 * Configuration changes are atomic; readers see the latest complete value.
 */
final class ManagedQueue {

	private final QueueAddress address;

	private final long sequence;

	private final Clock clock;

	private final Instant createdOn;

	private final MessageHistory history = new MessageHistory();

	private final MessageStore store;

	private volatile String name;

	private volatile Instant modifiedOn;

	private volatile QueueSettings settings = QueueSettings.defaults();

	private volatile @Nullable HttpPullConsumer consumer;

	private volatile @Nullable PurgeStatus lastPurge;

	ManagedQueue(QueueAddress address, String name, long sequence, Clock clock) {
		this.address = address;
		this.name = name;
		this.sequence = sequence;
		this.clock = clock;
		this.createdOn = clock.instant();
		this.modifiedOn = this.createdOn;
		this.store = new MessageStore(clock, this.history);
	}

	QueueAddress address() {
		return this.address;
	}

	/**
	 * Returns the order in which the queue was created among all queues.
	 */
	long sequence() {
		return this.sequence;
	}

	String name() {
		return this.name;
	}

	Instant createdOn() {
		return this.createdOn;
	}

	Instant modifiedOn() {
		return this.modifiedOn;
	}

	QueueSettings settings() {
		return this.settings;
	}

	@Nullable HttpPullConsumer consumer() {
		return this.consumer;
	}

	/**
	 * Returns the settings that govern retries: the consumer's, or the defaults while there is none.
	 */
	ConsumerSettings retryPolicy() {
		HttpPullConsumer current = this.consumer;
		return (current != null) ? current.settings() : ConsumerSettings.defaults();
	}

	@Nullable PurgeStatus lastPurge() {
		return this.lastPurge;
	}

	MessageStore store() {
		return this.store;
	}

	MessageHistory history() {
		return this.history;
	}

	/**
	 * Renames the queue; only {@link QueueRegistry} calls this, keeping names unique.
	 */
	synchronized void rename(String newName) {
		this.name = newName;
		touch();
	}

	synchronized void updateSettings(QueueSettings newSettings) {
		this.settings = newSettings;
		touch();
	}

	/**
	 * Creates the HTTP pull consumer, or changes the settings of the existing one.
	 */
	synchronized HttpPullConsumer configureConsumer(ConsumerSettings settings) {
		HttpPullConsumer current = this.consumer;
		HttpPullConsumer updated = (current != null) ? current.withSettings(settings)
				: new HttpPullConsumer(RandomIds.resourceId(), this.clock.instant(), settings);
		this.consumer = updated;
		return updated;
	}

	/**
	 * Creates the HTTP pull consumer.
	 * @throws ApiException if the queue has one already
	 */
	synchronized HttpPullConsumer addConsumer(ConsumerSettings settings) {
		HttpPullConsumer current = this.consumer;
		if (current != null) {
			throw ApiErrors.consumerExists(this.address, current.consumerId());
		}
		return configureConsumer(settings);
	}

	/**
	 * Replaces the settings of the consumer with the given id, or creates it with that id if the queue has none.
	 * @throws ApiException if the queue has a consumer with another id
	 */
	synchronized HttpPullConsumer replaceConsumer(String consumerId, ConsumerSettings settings) {
		HttpPullConsumer current = this.consumer;
		if (current != null && !current.consumerId().equals(consumerId)) {
			throw ApiErrors.consumerExists(this.address, current.consumerId());
		}
		HttpPullConsumer replaced = (current != null) ? current.withSettings(settings)
				: new HttpPullConsumer(consumerId, this.clock.instant(), settings);
		this.consumer = replaced;
		return replaced;
	}

	synchronized void removeConsumer() {
		this.consumer = null;
	}

	synchronized void purge() {
		this.lastPurge = new PurgeStatus(this.clock.instant(), true);
		this.store.clear();
	}

	private void touch() {
		this.modifiedOn = this.clock.instant();
	}

}
