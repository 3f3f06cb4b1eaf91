package io.github.cfqueues.autoconfigure.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cfqueues.autoconfigure.CloudflareQueuesConnectionDetails;
import io.github.cfqueues.autoconfigure.ConfiguredQueue;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;

import org.springframework.util.DigestUtils;

/**
 * Connection details of local mode: every configured queue lives in the embedded emulator. A queue keeps its
 * configured ids; one with no account id gets {@value #ACCOUNT_ID}, one with no queue id gets
 * {@link #derivedQueueId(String) an id derived from its name}. Every request carries the token
 * {@value #API_TOKEN}; configured credentials are never sent.
 */
public final class LocalCloudflareQueuesConnectionDetails implements CloudflareQueuesConnectionDetails {

	/**
	 * The account id of queues that configure none.
	 */
	public static final String ACCOUNT_ID = "localaccount";

	/**
	 * The API token sent to the emulator; an emulator bean of the application's must accept it.
	 */
	public static final String API_TOKEN = "cloudflare-queues-local-mode";

	private final URI baseUrl;

	private final Map<String, QueueEndpoint> queues = new LinkedHashMap<>();

	LocalCloudflareQueuesConnectionDetails(URI baseUrl, List<ConfiguredQueue> configuredQueues) {
		this.baseUrl = baseUrl;
		CloudflareCredentials credentials = CloudflareCredentials.apiToken(API_TOKEN);
		for (ConfiguredQueue queue : configuredQueues) {
			String accountId = (queue.accountId() != null) ? queue.accountId() : ACCOUNT_ID;
			String queueId = (queue.queueId() != null) ? queue.queueId() : derivedQueueId(queue.name());
			this.queues.put(queue.name(), new QueueEndpoint(queue.name(), accountId, queueId, credentials));
		}
	}

	/**
	 * The queue id local mode gives a queue that configures none: the MD5 of its name, as 32 hex digits like a
	 * Cloudflare queue id, the same on every start.
	 * @param queueName the queue's name
	 * @return the queue id
	 */
	public static String derivedQueueId(String queueName) {
		return DigestUtils.md5DigestAsHex(queueName.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public URI getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public QueueEndpoint getQueue(String queueName) {
		QueueEndpoint queue = this.queues.get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException(
					"No queue named '" + queueName + "' is configured; known queues: " + this.queues.keySet());
		}
		return queue;
	}

	/**
	 * Every configured queue, in configuration order.
	 * @return the queues' endpoints
	 */
	public List<QueueEndpoint> getQueues() {
		return List.copyOf(this.queues.values());
	}

}
