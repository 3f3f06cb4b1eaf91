package io.github.cfqueues.autoconfigure;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.BaseUrls;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes the publisher and the consumer of a configured queue through the {@link CloudflareQueuesClient}: the
 * queue's account, id and credentials come from the {@link QueueEndpoints}, its options from
 * {@code cloudflare.queues.*}. The auto-configuration registers one bean of each per queue through it.
 */
public final class CloudflareQueuesBeans {

	private static final Log logger = LogFactory.getLog(CloudflareQueuesBeans.class);

	private static final Pattern CLOUDFLARE_ID = Pattern.compile("[0-9a-fA-F]{32}");

	private final CloudflareQueuesProperties properties;

	private final CloudflareQueuesConnectionDetails connectionDetails;

	private final QueueEndpoints endpoints;

	private final CloudflareQueuesClient client;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	CloudflareQueuesBeans(CloudflareQueuesProperties properties, CloudflareQueuesConnectionDetails connectionDetails,
			QueueEndpoints endpoints, CloudflareQueuesClient client) {
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
	 * @throws InvalidCloudflareQueuesPropertyException if its account, id or credentials are missing, or its
	 * {@code queue-name} names no queue of the account
	 */
	public QueuePublisher publisher(String queueName) {
		QueueEndpoint endpoint = endpoint(queueName);
		return this.client.publisher(queueName, endpoint.queueId(),
				ClientSettings.options(this.properties, queue(queueName), endpoint));
	}

	/**
	 * Creates the consumer of a configured queue.
	 * @param queueName the queue's name
	 * @return the consumer
	 * @throws IllegalArgumentException if no queue of that name is configured
	 * @throws InvalidCloudflareQueuesPropertyException if its account, id or credentials are missing
	 */
	public QueueConsumer consumer(String queueName) {
		QueueEndpoint endpoint = endpoint(queueName);
		return this.client.consumer(queueName, endpoint.queueId(),
				ClientSettings.consumerOptions(queue(queueName), endpoint));
	}

	private QueueEndpoint endpoint(String queueName) {
		QueueEndpoint endpoint = this.endpoints.get(queueName);
		this.connectionDetails.getCredentials(endpoint.accountId());
		warnOfUnlikelyQueueId(queueName, queue(queueName), endpoint);
		return endpoint;
	}

	private Queue queue(String queueName) {
		Queue queue = ConfiguredQueues.of(this.properties).get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException("No queue named '" + queueName + "' is configured; known queues: "
					+ ConfiguredQueues.of(this.properties).keySet());
		}
		return queue;
	}

	/**
	 * Warns when a queue at Cloudflare (not local, nor on a loopback host such as an emulator or a test server) has
	 * an id unlike those Cloudflare issues: most likely the queue's name, which passes the checks and fails at the
	 * first push. Once per queue; a queue configured by {@code queue-name} has the id Cloudflare listed.
	 */
	private void warnOfUnlikelyQueueId(String queueName, Queue queue, QueueEndpoint endpoint) {
		String host = this.connectionDetails.getBaseUrl().getHost();
		if (this.connectionDetails.isLocal() || (host != null && BaseUrls.isLoopback(host))
				|| CLOUDFLARE_ID.matcher(endpoint.queueId()).matches()
				|| ConfiguredQueues.queueName(this.properties, queueName, queue) != null
				|| !this.warned.add(queueName)) {
			return;
		}
		logger.warn("The id '" + endpoint.queueId() + "' of the Cloudflare queue '" + queueName + "' ("
				+ ConfiguredQueues.queueIdProperty(this.properties, queueName, queue) + ") is not 32 hex digits, "
				+ "as Cloudflare's queue ids are. If it is the queue's name, every push will fail with "
				+ "QueueNotFoundException; set it as queue-name instead. "
				+ CloudflareQueuesPropertiesValidator.QUEUE_ID_HINT + ".");
	}

}
