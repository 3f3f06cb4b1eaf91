package io.github.cfqueues.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.CloudflareCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Adapts {@link CloudflareQueuesProperties} to {@link CloudflareQueuesConnectionDetails}. An account's credentials
 * are those of the queues that live in it and set their own, else the global ones for the global account. They
 * are read from the properties at every request, so a rebinding of the properties (a configuration refresh) takes
 * effect from the next request on.
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

	/**
	 * The credentials of an account.
	 * @throws InvalidCloudflareQueuesPropertyException if the account has none, has two different sets, or one
	 * holds an unresolved placeholder
	 */
	@Override
	public CloudflareCredentials getCredentials(String accountId) {
		CloudflareCredentials found = null;
		String foundAt = null;
		for (Map.Entry<String, Queue> entry : ConfiguredQueues.of(this.properties).entrySet()) {
			Queue queue = entry.getValue();
			String queueAccount = UnresolvedPlaceholders.isSet(queue.getAccountId()) ? queue.getAccountId()
					: this.properties.getAccountId();
			String prefix = PREFIX + ".queues." + entry.getKey();
			CloudflareCredentials own = accountId.equals(queueAccount) ? resolve(queue.credentials(prefix)) : null;
			if (own != null) {
				checkSame(accountId, found, foundAt, own, prefix);
				found = own;
				foundAt = prefix;
			}
		}
		if (accountId.equals(this.properties.getAccountId())) {
			CloudflareCredentials global = resolve(this.properties.credentials(PREFIX));
			if (global != null) {
				checkSame(accountId, found, foundAt, global, PREFIX);
				found = global;
			}
		}
		if (found == null) {
			throw new InvalidCloudflareQueuesPropertyException(PREFIX + ".api-token", "no credentials for the "
					+ "account " + accountId + "; set " + PREFIX + ".api-token (or " + PREFIX + ".email and " + PREFIX
					+ ".api-key), or the credentials of a queue in that account");
		}
		return found;
	}

	private static @Nullable CloudflareCredentials resolve(CredentialProperties credentials) {
		credentials.failIfUnresolved();
		return credentials.resolve();
	}

	private static void checkSame(String accountId, @Nullable CloudflareCredentials found, @Nullable String foundAt,
			CloudflareCredentials credentials, String prefix) {
		if (found != null && !found.equals(credentials)) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + ".api-token", "the account " + accountId
					+ " has other credentials in " + foundAt + ". Credentials belong to an account: set them once "
					+ "for it, or give the queue an account-id of its own (the values are not shown)");
		}
	}

}
