package io.github.cfqueues.autoconfigure;

import java.util.regex.Pattern;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes the publisher of a configured queue through the {@link CloudflareQueuesClient}: the queue's id, account and
 * credentials come from the {@link CloudflareQueuesConnectionDetails}, its options from {@code cloudflare.queues.*}.
 * The auto-configuration registers one bean per queue through it.
 */
public final class CloudflareQueuesPublisherFactory {

	private static final Log logger = LogFactory.getLog(CloudflareQueuesPublisherFactory.class);

	private static final Pattern CLOUDFLARE_ID = Pattern.compile("[0-9a-fA-F]{32}");

	private final CloudflareQueuesProperties properties;

	private final CloudflareQueuesConnectionDetails connectionDetails;

	private final CloudflareQueuesClient client;

	CloudflareQueuesPublisherFactory(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, CloudflareQueuesClient client) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.client = client;
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
		warnOfUnlikelyQueueId(queueName, queue, endpoint);
		return this.client.publisher(queueName, endpoint.queueId(),
				ClientSettings.options(this.properties, queue, endpoint));
	}

	/**
	 * Warns when a queue at Cloudflare (not on a loopback host, such as an emulator) has an id unlike those
	 * Cloudflare issues: most likely the queue's name, which passes the checks and fails at the first push.
	 */
	private void warnOfUnlikelyQueueId(String queueName, Queue queue, QueueEndpoint endpoint) {
		String host = this.connectionDetails.getBaseUrl().getHost();
		if ((host != null && CloudflareQueuesPropertiesValidator.isLoopback(host))
				|| CLOUDFLARE_ID.matcher(endpoint.queueId()).matches()) {
			return;
		}
		logger.warn("The id '" + endpoint.queueId() + "' of the Cloudflare queue '" + queueName + "' ("
				+ ConfiguredQueues.queueIdProperty(this.properties, queueName, queue) + ") is not 32 hex digits, "
				+ "as Cloudflare's queue ids are. If it is the queue's name, every push will fail with "
				+ "QueueNotFoundException. " + CloudflareQueuesPropertiesValidator.QUEUE_ID_HINT + ".");
	}

}
