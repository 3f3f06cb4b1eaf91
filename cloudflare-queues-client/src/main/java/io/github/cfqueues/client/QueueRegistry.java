package io.github.cfqueues.client;

import java.util.Collection;
import java.util.Set;

import io.github.cfqueues.client.internal.publish.SimpleQueueRegistry;

/**
 * Finds the publisher and the consumer of any configured queue by its name.
 */
public interface QueueRegistry {

	/**
	 * The publisher of the named queue.
	 * @param queueName the queue's name ({@code default} for the top-level queue)
	 * @return the publisher
	 * @throws IllegalArgumentException if no queue has that name; the message lists the names there are
	 */
	QueuePublisher publisher(String queueName);

	/**
	 * The consumer of the named queue.
	 * @param queueName the queue's name ({@code default} for the top-level queue)
	 * @return the consumer
	 * @throws IllegalArgumentException if no queue has that name; the message lists the names there are
	 */
	QueueConsumer consumer(String queueName);

	/**
	 * The names of all queues.
	 * @return the names, sorted
	 */
	Set<String> names();

	/**
	 * A registry of the given publishers and consumers, by their queue names.
	 * @param publishers the publishers
	 * @param consumers the consumers
	 * @return the registry
	 * @throws IllegalArgumentException if two publishers, or two consumers, have the same name
	 */
	static QueueRegistry of(Collection<? extends QueuePublisher> publishers,
			Collection<? extends QueueConsumer> consumers) {
		return new SimpleQueueRegistry(publishers, consumers);
	}

}
