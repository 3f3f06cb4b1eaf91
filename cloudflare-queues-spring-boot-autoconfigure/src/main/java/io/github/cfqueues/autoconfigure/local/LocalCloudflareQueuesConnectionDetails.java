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
import org.jspecify.annotations.Nullable;

import org.springframework.util.DigestUtils;

/**
 * Connection details of local mode: every configured queue lives in the embedded emulator. A queue keeps its
 * configured ids; one with no account id gets {@value #ACCOUNT_ID}, one with no queue id gets
 * {@link #derivedQueueId(String) an id derived from its name} (its {@code queue-name}, when it has one, under which
 * the emulator holds it). Every request carries the token
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

	private final Map<String, String> cloudflareNames = new LinkedHashMap<>();

	LocalCloudflareQueuesConnectionDetails(URI baseUrl, List<ConfiguredQueue> configuredQueues) {
		this.baseUrl = baseUrl;
		CloudflareCredentials credentials = CloudflareCredentials.apiToken(API_TOKEN);
		for (ConfiguredQueue queue : configuredQueues) {
			String accountId = (queue.accountId() != null) ? queue.accountId() : ACCOUNT_ID;
			String queueId = (queue.queueId() != null) ? queue.queueId()
					: derivedQueueId((queue.queueName() != null) ? queue.queueName() : queue.name());
			this.queues.put(queue.name(), new QueueEndpoint(queue.name(), accountId, queueId, credentials));
			if (queue.queueName() != null) {
				this.cloudflareNames.put(queue.name(), queue.queueName());
			}
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

	@Override
	public QueueEndpoint getAccount() {
		return QueueEndpoint.ofAccount(ACCOUNT_ID, CloudflareCredentials.apiToken(API_TOKEN));
	}

	/**
	 * The name a queue configured by {@code queue-name} has in the emulator.
	 * @param queueName the queue's name in the application
	 * @return its {@code queue-name}, or {@code null} when it is configured by id
	 */
	public @Nullable String getCloudflareQueueName(String queueName) {
		return this.cloudflareNames.get(queueName);
	}

	/**
	 * Every configured queue, in configuration order.
	 * @return the queues' endpoints
	 */
	public List<QueueEndpoint> getQueues() {
		return List.copyOf(this.queues.values());
	}

}
