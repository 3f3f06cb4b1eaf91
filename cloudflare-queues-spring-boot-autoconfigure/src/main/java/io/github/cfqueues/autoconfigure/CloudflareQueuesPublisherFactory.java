package io.github.cfqueues.autoconfigure;

import java.util.regex.Pattern;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes the publisher of a configured queue through the {@link CloudflareQueuesClient}: the queue's account, id and
 * credentials come from the {@link QueueEndpoints}, its options from {@code cloudflare.queues.*}. The
 * auto-configuration registers one bean per queue through it.
 */
public final class CloudflareQueuesPublisherFactory {

	private static final Log logger = LogFactory.getLog(CloudflareQueuesPublisherFactory.class);

	private static final Pattern CLOUDFLARE_ID = Pattern.compile("[0-9a-fA-F]{32}");

	private final CloudflareQueuesProperties properties;

	private final CloudflareQueuesConnectionDetails connectionDetails;

	private final QueueEndpoints endpoints;

	private final CloudflareQueuesClient client;

	CloudflareQueuesPublisherFactory(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, QueueEndpoints endpoints,
			CloudflareQueuesClient client) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.endpoints = endpoints;
		this.client = client;
	}

	/**
	 * Creates the publisher of a configured queue. Its account's credentials are asked for once now, so that
	 * missing ones fail the startup rather than the first push.
	 * @param queueName the queue's name
	 * @return the publisher
	 * @throws IllegalArgumentException if no queue of that name is configured
	 * @throws InvalidCloudflareQueuesPropertyException if its account, id or credentials are missing
	 */
	public QueuePublisher create(String queueName) {
		QueueEndpoint endpoint = this.endpoints.get(queueName);
		this.connectionDetails.getCredentials(endpoint.accountId());
		Queue queue = ConfiguredQueues.of(this.properties).get(queueName);
		warnOfUnlikelyQueueId(queueName, queue, endpoint);
		return this.client.publisher(queueName, endpoint.queueId(),
				ClientSettings.options(this.properties, queue, endpoint));
	}

	/**
	 * Warns when a queue at Cloudflare (not local, nor on a loopback host such as an emulator or a test server) has
	 * an id unlike those Cloudflare issues: most likely the queue's name, which passes the checks and fails at the
	 * first push.
	 */
	private void warnOfUnlikelyQueueId(String queueName, Queue queue, QueueEndpoint endpoint) {
		String host = this.connectionDetails.getBaseUrl().getHost();
		if (this.connectionDetails.isLocal() || (host != null && CloudflareQueuesPropertiesValidator.isLoopback(host))
				|| CLOUDFLARE_ID.matcher(endpoint.queueId()).matches()) {
			return;
		}
		logger.warn("The id '" + endpoint.queueId() + "' of the Cloudflare queue '" + queueName + "' ("
				+ ConfiguredQueues.queueIdProperty(this.properties, queueName, queue) + ") is not 32 hex digits, "
				+ "as Cloudflare's queue ids are. If it is the queue's name, every push will fail with "
				+ "QueueNotFoundException. " + CloudflareQueuesPropertiesValidator.QUEUE_ID_HINT + ".");
	}

}
