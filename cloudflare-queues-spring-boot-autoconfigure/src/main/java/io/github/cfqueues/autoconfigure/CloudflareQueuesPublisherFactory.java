package io.github.cfqueues.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.internal.publish.BatchingQueuePublisher;
import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.internal.publish.GracefulShutdown;
import io.github.cfqueues.client.internal.publish.MessageEncoder;
import io.github.cfqueues.client.internal.publish.QueueSender;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiters;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Creates the publisher of a configured queue; the auto-configuration registers one bean per queue through it.
 * Every publisher of an account shares that account's rate limiter; each has its own flow control.
 */
public final class CloudflareQueuesPublisherFactory {

	private final CloudflareQueuesProperties properties;

	private final CloudflareQueuesConnectionDetails connectionDetails;

	private final CloudflareQueuesApi api;

	private final BodySerializer serializer;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	private final AccountRateLimiters rateLimiters;

	private final List<GracefulShutdown> created = new CopyOnWriteArrayList<>();

	CloudflareQueuesPublisherFactory(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, CloudflareQueuesApi api, BodySerializer serializer,
			RetryPolicy retryPolicy, RetryListener retryListener, AccountRateLimiters rateLimiters) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.api = api;
		this.serializer = serializer;
		this.retryPolicy = retryPolicy;
		this.retryListener = retryListener;
		this.rateLimiters = rateLimiters;
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
		MessageEncoder encoder = new MessageEncoder(endpoint, options, this.serializer);
		QueueSender sender = new QueueSender(endpoint, this.api, this.rateLimiters.forQueue(endpoint),
				this.retryPolicy, this.retryListener);
		FlowController flow = new FlowController(PublisherSettings.flowControl(this.properties), endpoint);
		DefaultQueuePublisher direct = new DefaultQueuePublisher(encoder, sender, flow);
		@Nullable BatchingSettings batching = PublisherSettings.batching(this.properties, queue);
		if (batching == null) {
			this.created.add(direct);
			return direct;
		}
		BatchingQueuePublisher batchingPublisher = new BatchingQueuePublisher(direct, batching);
		this.created.add(batchingPublisher);
		return batchingPublisher;
	}

	/**
	 * The publishers created so far, to shut down: only these, so that stopping creates no bean.
	 * @return the publishers, in creation order
	 */
	List<GracefulShutdown> created() {
		return List.copyOf(this.created);
	}

}
