package io.github.cfqueues.client;

/**
 * Supplies the credentials of requests as they leave, for credentials that change while the application runs: a
 * rotated token is used from the next request on. Called for every request, so it should answer from memory (a
 * field the rotation updates) rather than fetch.
 *
 * @see CloudflareCredentials#provided(CloudflareCredentialsProvider)
 */
@FunctionalInterface
public interface CloudflareCredentialsProvider {

	/**
	 * The credentials to send now.
	 * @return the current credentials: an {@link CloudflareCredentials#apiToken(String) API token} or a
	 * {@link CloudflareCredentials#globalApiKey(String, String) global API key}
	 */
	CloudflareCredentials getCredentials();

}
