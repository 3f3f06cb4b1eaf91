package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.api.CloudflareQueuesApi;
import io.github.cfqueues.client.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.publish.MessageEncoder;
import io.github.cfqueues.client.retry.RetryListener;
import io.github.cfqueues.client.retry.RetryPolicy;

/**
 * Creates the publisher of a configured queue; the auto-configuration registers one bean per queue through it.
 */
public final class CloudflareQueuesPublisherFactory {

	private final CloudflareQueuesProperties properties;

	private final CloudflareQueuesConnectionDetails connectionDetails;

	private final CloudflareQueuesApi api;

	private final BodySerializer serializer;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	CloudflareQueuesPublisherFactory(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, CloudflareQueuesApi api, BodySerializer serializer,
			RetryPolicy retryPolicy, RetryListener retryListener) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.api = api;
		this.serializer = serializer;
		this.retryPolicy = retryPolicy;
		this.retryListener = retryListener;
	}

	/**
	 * Creates the publisher of a configured queue.
	 * @param queueName the queue's name
	 * @return the publisher
	 */
	public QueuePublisher create(String queueName) {
		Queue queue = ConfiguredQueues.of(this.properties).get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException("No queue named '" + queueName + "' is configured; known queues: "
					+ ConfiguredQueues.of(this.properties).keySet());
		}
		QueueEndpoint endpoint = this.connectionDetails.getQueue(queueName);
		QueuePublisherOptions options = QueuePublisherOptions.builder()
			.contentType(queue.getContentType())
			.delay(queue.getDelay())
			.build();
		return new DefaultQueuePublisher(endpoint, this.api, new MessageEncoder(endpoint, options, this.serializer),
				this.retryPolicy, this.retryListener);
	}

}
