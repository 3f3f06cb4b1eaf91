package io.github.cfqueues.autoconfigure.local;

import java.net.URI;

import io.github.cfqueues.autoconfigure.CloudflareQueuesConnectionDetails;
import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.client.CloudflareCredentials;

/**
 * Connection details of an emulator on this machine: every request goes to its base URL with the token
 * {@value #API_TOKEN}, for every account; configured credentials are never sent. {@link #isLocal() Local}, so no
 * Cloudflare account is needed: queues with no ids get {@link QueueEndpoints#derivedQueueId(String) derived ones}.
 */
public final class LocalCloudflareQueuesConnectionDetails implements CloudflareQueuesConnectionDetails {

	/**
	 * The account id of queues that configure none.
	 */
	public static final String ACCOUNT_ID = QueueEndpoints.LOCAL_ACCOUNT_ID;

	/**
	 * The API token sent to the emulator, which must accept it.
	 */
	public static final String API_TOKEN = "cloudflare-queues-local-mode";

	private static final CloudflareCredentials CREDENTIALS = CloudflareCredentials.apiToken(API_TOKEN);

	private final URI baseUrl;

	/**
	 * Creates connection details for an emulator.
	 * @param baseUrl the emulator's API base URL, such as {@code http://127.0.0.1:8787/client/v4}
	 */
	public LocalCloudflareQueuesConnectionDetails(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public URI getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public CloudflareCredentials getCredentials(String accountId) {
		return CREDENTIALS;
	}

	@Override
	public boolean isLocal() {
		return true;
	}

	@Override
	public String toString() {
		return "LocalCloudflareQueuesConnectionDetails[" + this.baseUrl + "]";
	}

}
