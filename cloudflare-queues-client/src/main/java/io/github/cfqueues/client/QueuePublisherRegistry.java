package io.github.cfqueues.client;

import java.util.Collection;
import java.util.Set;

import io.github.cfqueues.client.internal.publish.SimpleQueuePublisherRegistry;

/**
 * Finds the publisher of any configured queue by its name.
 */
public interface QueuePublisherRegistry {

	/**
	 * The publisher of the named queue.
	 * @param queueName the queue's name ({@code default} for the top-level queue)
	 * @return the publisher
	 * @throws IllegalArgumentException if no queue has that name; the message lists the names there are
	 */
	QueuePublisher get(String queueName);

	/**
	 * The names of all queues with a publisher.
	 * @return the names, sorted
	 */
	Set<String> names();

	/**
	 * A registry of the given publishers, by their {@link QueuePublisher#queueName() queue names}.
	 * @param publishers the publishers
	 * @return the registry
	 * @throws IllegalArgumentException if two publishers have the same name
	 */
	static QueuePublisherRegistry of(Collection<? extends QueuePublisher> publishers) {
		return new SimpleQueuePublisherRegistry(publishers);
	}

}
