package io.github.cfqueues.autoconfigure;

import java.net.URI;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;

/**
 * Adapts {@link CloudflareQueuesProperties} to {@link CloudflareQueuesConnectionDetails}. A queue's own
 * {@code account-id} and credentials win over the global ones.
 */
class PropertiesCloudflareQueuesConnectionDetails implements CloudflareQueuesConnectionDetails {

	private static final String PREFIX = CloudflareQueuesProperties.PREFIX;

	private final CloudflareQueuesProperties properties;

	PropertiesCloudflareQueuesConnectionDetails(CloudflareQueuesProperties properties) {
		this.properties = properties;
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
		if (queueId == null) {
			throw new InvalidCloudflareQueuesPropertyException(
					ConfiguredQueues.queueIdProperty(this.properties, queueName, queue), "the queue '" + queueName
							+ "' has no id. Set it to the queue's id, 32 hex digits: `wrangler queues list` shows it, "
							+ "and so does the queue's page in the Cloudflare dashboard. Or, to run without a "
							+ "Cloudflare account, turn on local mode (" + PREFIX + ".local.enabled=true)");
		}
		String accountId = UnresolvedPlaceholders.isSet(queue.getAccountId()) ? queue.getAccountId()
				: this.properties.getAccountId();
		if (!UnresolvedPlaceholders.isSet(accountId)) {
			throw new InvalidCloudflareQueuesPropertyException(PREFIX + ".account-id",
					"no account id for the queue '" + queueName + "'; set " + PREFIX + ".account-id (or "
							+ ConfiguredQueues.queueProperty(queueName, "account-id") + ")");
		}
		return new QueueEndpoint(queueName, accountId, queueId, credentials(queueName, queue));
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
