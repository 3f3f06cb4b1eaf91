package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.error.QueueNotFoundException;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Looks a queue's id up by name through the client's {@link io.github.cfqueues.client.admin.QueueAdmin} of the
 * queue's account (the same for every queue of the account, as {@link QueueEndpoints} gives each account one
 * credentials instance), which lists the account's queues once, under the rate limit, and remembers the ids for the
 * life of the client. Blocks the startup while it lists: each page's request is bounded by the request timeout, its
 * retries and the rate limit's max-wait.
 */
final class ClientQueueIdLookup implements QueueIdLookup {

	private static final String LOOKUP = "queue lookup";

	private final ObjectProvider<CloudflareQueuesClient> client;

	ClientQueueIdLookup(ObjectProvider<CloudflareQueuesClient> client) {
		this.client = client;
	}

	@Override
	public String queueId(String accountId, CloudflareCredentials credentials, String queueName, String property) {
		try {
			String queueId = this.client.getObject().admin(accountId, credentials).queueId(queueName).block();
			if (queueId == null) {
				throw new IllegalStateException("The lookup of queue '" + queueName + "' gave no id");
			}
			return queueId;
		}
		catch (QueueNotFoundException ex) {
			if (LOOKUP.equals(ex.getDetails().operation())) {
				throw new InvalidCloudflareQueuesPropertyException(property, ex.getMessage());
			}
			throw ex;
		}
	}

}
