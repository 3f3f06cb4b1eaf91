package io.github.cfqueues.client;

import java.util.Set;

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

}
