package io.github.cfqueues.autoconfigure;

import java.net.URI;

import io.github.cfqueues.client.CloudflareCredentials;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Cloudflare Queues API is and how requests to each account authenticate. As with Spring Boot's other
 * {@link ConnectionDetails}, whatever stands up the API (an emulator for tests, a container) can supply them without
 * knowing the application's queues: their names, accounts and ids stay in {@code cloudflare.queues.*}. Backed by
 * {@code cloudflare.queues.*} by default; define a bean of this type to point the client elsewhere.
 */
public interface CloudflareQueuesConnectionDetails extends ConnectionDetails {

	/**
	 * The API's base URL.
	 * @return the base URL, for example {@code https://api.cloudflare.com/client/v4}
	 */
	URI getBaseUrl();

	/**
	 * The credentials of requests to an account, asked for as each request leaves: an implementation returns the
	 * current ones, and a token rotated while the application runs is used from the next request on.
	 * @param accountId the account the request goes to
	 * @return the credentials, an API token or a global API key
	 */
	CloudflareCredentials getCredentials(String accountId);

	/**
	 * Whether the API is a local emulator, which needs no Cloudflare account: a queue with no {@code queue-id} gets
	 * one derived from its name ({@link QueueEndpoints#derivedQueueId(String)}), a queue with no {@code account-id}
	 * is in the account {@value QueueEndpoints#LOCAL_ACCOUNT_ID}, and an id or credential that is blank or holds the
	 * placeholder of a variable that is not set counts as unset.
	 * @return {@code false} unless overridden
	 */
	default boolean isLocal() {
		return false;
	}

}
