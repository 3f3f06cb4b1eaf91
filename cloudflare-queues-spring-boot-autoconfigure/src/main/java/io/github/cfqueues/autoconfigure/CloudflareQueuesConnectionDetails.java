package io.github.cfqueues.autoconfigure;

import java.net.URI;

import io.github.cfqueues.client.QueueEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Cloudflare Queues API is and how each configured queue is reached there. Backed by
 * {@code cloudflare.queues.*} by default; define a bean of this type to point the client elsewhere (tests, local
 * mode).
 */
public interface CloudflareQueuesConnectionDetails extends ConnectionDetails {

	/**
	 * The API's base URL.
	 * @return the base URL, for example {@code https://api.cloudflare.com/client/v4}
	 */
	URI getBaseUrl();

	/**
	 * The account, queue id and credentials of a configured queue.
	 * @param queueName the queue's name ({@code default} for the top-level {@code queue-id})
	 * @return the queue's endpoint
	 */
	QueueEndpoint getQueue(String queueName);

	/**
	 * The account of queues that name none, with its credentials: the account the {@code queueAdmin} bean manages.
	 * @return the account as a {@link QueueEndpoint#ofAccount(String, io.github.cfqueues.client.CloudflareCredentials)
	 * queue-less endpoint}, or {@code null} when no account id or no credentials are configured for it
	 */
	default @Nullable QueueEndpoint getAccount() {
		return null;
	}

}
