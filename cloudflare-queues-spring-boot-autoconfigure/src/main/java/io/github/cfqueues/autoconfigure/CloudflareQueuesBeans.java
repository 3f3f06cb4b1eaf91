package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisher;

/**
 * Makes the publisher and the consumer of a configured queue through the {@link CloudflareQueuesClient}: the
 * queue's id, account and credentials come from the {@link CloudflareQueuesConnectionDetails}, its options from
 * {@code cloudflare.queues.*}. The auto-configuration registers one bean of each per queue through it.
 */
public final class CloudflareQueuesBeans {

	private final CloudflareQueuesProperties properties;

	private final CloudflareQueuesConnectionDetails connectionDetails;

	private final CloudflareQueuesClient client;

	CloudflareQueuesBeans(CloudflareQueuesProperties properties, CloudflareQueuesConnectionDetails connectionDetails,
			CloudflareQueuesClient client) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.client = client;
	}

	/**
	 * Creates the publisher of a configured queue.
	 * @param queueName the queue's name
	 * @return the publisher
	 */
	public QueuePublisher publisher(String queueName) {
		Queue queue = queue(queueName);
		QueueEndpoint endpoint = this.connectionDetails.getQueue(queueName);
		return this.client.publisher(queueName, endpoint.queueId(),
				ClientSettings.options(this.properties, queue, endpoint));
	}

	/**
	 * Creates the consumer of a configured queue.
	 * @param queueName the queue's name
	 * @return the consumer
	 */
	public QueueConsumer consumer(String queueName) {
		Queue queue = queue(queueName);
		QueueEndpoint endpoint = this.connectionDetails.getQueue(queueName);
		return this.client.consumer(queueName, endpoint.queueId(), ClientSettings.consumerOptions(queue, endpoint));
	}

	private Queue queue(String queueName) {
		Queue queue = ConfiguredQueues.of(this.properties).get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException("No queue named '" + queueName + "' is configured; known queues: "
					+ ConfiguredQueues.of(this.properties).keySet());
		}
		return queue;
	}

}
