package io.github.cfqueues.autoconfigure;

import java.net.URI;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Adapts {@link CloudflareQueuesProperties} to {@link CloudflareQueuesConnectionDetails}. A queue's own
 * {@code account-id} and credentials win over the global ones; a queue configured by {@code queue-name} gets its id
 * through the {@link QueueIdLookup}.
 */
class PropertiesCloudflareQueuesConnectionDetails implements CloudflareQueuesConnectionDetails {

	private static final String PREFIX = CloudflareQueuesProperties.PREFIX;

	private final CloudflareQueuesProperties properties;

	private final QueueIdLookup lookup;

	PropertiesCloudflareQueuesConnectionDetails(CloudflareQueuesProperties properties, QueueIdLookup lookup) {
		this.properties = properties;
		this.lookup = lookup;
	}

	@Override
	public URI getBaseUrl() {
		return URI.create(this.properties.getBaseUrl());
	}

	@Override
	public QueueEndpoint getQueue(String queueName) {
		Queue queue = ConfiguredQueues.of(this.properties).get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException("No queue named '" + queueName + "' is configured");
		}
		String queueId = ConfiguredQueues.queueId(this.properties, queueName, queue);
		String cloudflareName = ConfiguredQueues.queueName(this.properties, queueName, queue);
		if (queueId == null && cloudflareName == null) {
			throw new InvalidCloudflareQueuesPropertyException(ConfiguredQueues.queueProperty(queueName, "queue-id"),
					"the queue '" + queueName + "' has no queue-id (or queue-name)");
		}
		String accountId = StringUtils.hasText(queue.getAccountId()) ? queue.getAccountId()
				: this.properties.getAccountId();
		if (!StringUtils.hasText(accountId)) {
			throw new InvalidCloudflareQueuesPropertyException(PREFIX + ".account-id",
					"no account id for the queue '" + queueName + "'; set " + PREFIX + ".account-id (or "
							+ ConfiguredQueues.queueProperty(queueName, "account-id") + ")");
		}
		CloudflareCredentials credentials = credentials(queueName, queue);
		if (queueId == null) {
			queueId = this.lookup.queueId(accountId, credentials, cloudflareName,
					ConfiguredQueues.queueNameProperty(this.properties, queueName));
		}
		return new QueueEndpoint(queueName, accountId, queueId, credentials);
	}

	@Override
	public @Nullable QueueEndpoint getAccount() {
		return account(this.properties);
	}

	/**
	 * The global account and its credentials, as the properties set them.
	 * @param properties the properties
	 * @return the account's queue-less endpoint, or {@code null} when the account id or credentials are missing
	 */
	static @Nullable QueueEndpoint account(CloudflareQueuesProperties properties) {
		String accountId = properties.getAccountId();
		CloudflareCredentials credentials = properties.credentials(PREFIX).resolve();
		return (StringUtils.hasText(accountId) && credentials != null) ? QueueEndpoint.ofAccount(accountId, credentials)
				: null;
	}

	private CloudflareCredentials credentials(String queueName, Queue queue) {
		CloudflareCredentials own = queue.credentials(PREFIX + ".queues." + queueName).resolve();
		if (own != null) {
			return own;
		}
		CloudflareCredentials global = this.properties.credentials(PREFIX).resolve();
		if (global == null) {
			throw new InvalidCloudflareQueuesPropertyException(PREFIX + ".api-token", "no credentials for the queue '"
					+ queueName + "'; set " + PREFIX + ".api-token (or " + PREFIX + ".email and " + PREFIX
					+ ".api-key)");
		}
		return global;
	}

}
