package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.client.CloudflareCredentials;

/**
 * Finds the id of a queue configured by its name at Cloudflare ({@code queue-name}).
 */
@FunctionalInterface
interface QueueIdLookup {

	/**
	 * The id of the queue of that name.
	 * @param accountId the queue's account
	 * @param credentials the credentials to ask with
	 * @param queueName the queue's name at Cloudflare
	 * @param property the property that names the queue, for an error
	 * @return the id
	 * @throws InvalidCloudflareQueuesPropertyException if the account has no queue of that name
	 */
	String queueId(String accountId, CloudflareCredentials credentials, String queueName, String property);

}
