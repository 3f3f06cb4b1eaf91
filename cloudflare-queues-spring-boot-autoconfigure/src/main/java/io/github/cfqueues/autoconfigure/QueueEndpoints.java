package io.github.cfqueues.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.util.DigestUtils;

/**
 * Where each configured queue is and how it is reached: its account and id from {@code cloudflare.queues.*}, its
 * credentials from the {@link CloudflareQueuesConnectionDetails}, read as each request leaves. A queue configured by
 * {@code queue-name} gets the id its account lists under that name (looked up once), or, on a local connection, the
 * id derived from that name. On a {@link CloudflareQueuesConnectionDetails#isLocal() local} connection an unset
 * account or queue id is filled in; elsewhere it fails, naming the property.
 */
public final class QueueEndpoints {

	/**
	 * The account of the queues that configure none, on a local connection.
	 */
	public static final String LOCAL_ACCOUNT_ID = "localaccount";

	private static final String PREFIX = CloudflareQueuesProperties.PREFIX;

	private final CloudflareQueuesProperties properties;

	private final CloudflareQueuesConnectionDetails connectionDetails;

	private final QueueIdLookup lookup;

	private final Map<String, CloudflareCredentials> credentials = new ConcurrentHashMap<>();

	/**
	 * Creates the endpoints of the configured queues, for queues configured by id only.
	 * @param properties the properties naming the queues
	 * @param connectionDetails where the API is and the credentials for each account
	 */
	public QueueEndpoints(CloudflareQueuesProperties properties, CloudflareQueuesConnectionDetails connectionDetails) {
		this(properties, connectionDetails, (accountId, credentials, queueName, property) -> {
			throw new InvalidCloudflareQueuesPropertyException(property, "queues configured by name need the "
					+ "auto-configured QueueEndpoints, which look their ids up; set the queue's queue-id instead");
		});
	}

	QueueEndpoints(CloudflareQueuesProperties properties, CloudflareQueuesConnectionDetails connectionDetails,
			QueueIdLookup lookup) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.lookup = lookup;
	}

	/**
	 * The queue id a local connection gives a queue that configures none: the MD5 of its name, as 32 hex digits like
	 * a Cloudflare queue id, the same on every start.
	 * @param queueName the queue's name
	 * @return the queue id
	 */
	public static String derivedQueueId(String queueName) {
		return DigestUtils.md5DigestAsHex(queueName.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The names of the configured queues, {@code default} (the top-level {@code queue-id}) first.
	 * @return the names
	 */
	public Set<String> names() {
		return ConfiguredQueues.of(this.properties).keySet();
	}

	/**
	 * The endpoint of a configured queue.
	 * @param queueName the queue's name
	 * @return where the queue is; its credentials are read from the connection details at every request
	 * @throws IllegalArgumentException if no queue of that name is configured
	 * @throws InvalidCloudflareQueuesPropertyException if its account or id is unset on a connection that is not
	 * local
	 */
	public QueueEndpoint get(String queueName) {
		Map<String, Queue> queues = ConfiguredQueues.of(this.properties);
		Queue queue = queues.get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException(
					"No queue named '" + queueName + "' is configured; known queues: " + queues.keySet());
		}
		String accountId = accountId(queueName, queue);
		CloudflareCredentials credentials = credentials(accountId);
		return new QueueEndpoint(queueName, accountId, queueId(queueName, queue, accountId, credentials),
				credentials);
	}

	/**
	 * The credentials of an account, read from the connection details as each request leaves: one instance per
	 * account, so that everything made for the account (its admin, the ids it looked up) is shared.
	 * @param accountId the account
	 * @return its credentials
	 */
	public CloudflareCredentials credentials(String accountId) {
		return this.credentials.computeIfAbsent(accountId,
				(account) -> CloudflareCredentials.provided(() -> this.connectionDetails.getCredentials(account)));
	}

	/**
	 * The account of queues that configure none, for the client's own account and the {@code queueAdmin} bean.
	 * @param properties the properties
	 * @param connectionDetails the connection
	 * @return the global {@code account-id}, else {@value #LOCAL_ACCOUNT_ID} on a local connection, else
	 * {@code null}
	 */
	static @Nullable String defaultAccountId(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails) {
		if (UnresolvedPlaceholders.isSet(properties.getAccountId())) {
			return properties.getAccountId();
		}
		return connectionDetails.isLocal() ? LOCAL_ACCOUNT_ID : null;
	}

	/**
	 * The name at Cloudflare of a queue configured by {@code queue-name}.
	 * @param queueName the queue's name in the application
	 * @return its {@code queue-name}, or {@code null} when it is configured by id
	 * @throws IllegalArgumentException if no queue of that name is configured
	 */
	public @Nullable String cloudflareName(String queueName) {
		Map<String, Queue> queues = ConfiguredQueues.of(this.properties);
		Queue queue = queues.get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException(
					"No queue named '" + queueName + "' is configured; known queues: " + queues.keySet());
		}
		return ConfiguredQueues.queueName(this.properties, queueName, queue);
	}

	/**
	 * Whether the connection needs no Cloudflare account.
	 * @return whether the connection details are local
	 */
	public boolean isLocal() {
		return this.connectionDetails.isLocal();
	}

	private String accountId(String queueName, Queue queue) {
		boolean own = queue.getAccountId() != null && !queue.getAccountId().isBlank();
		String property = own ? ConfiguredQueues.queueProperty(queueName, "account-id") : PREFIX + ".account-id";
		String accountId = own ? queue.getAccountId() : this.properties.getAccountId();
		if (UnresolvedPlaceholders.isSet(accountId)) {
			return accountId;
		}
		if (isLocal()) {
			return LOCAL_ACCOUNT_ID;
		}
		UnresolvedPlaceholders.failIfUnresolved(property, accountId);
		throw new InvalidCloudflareQueuesPropertyException(PREFIX + ".account-id", "no account id for the queue '"
				+ queueName + "'; set " + PREFIX + ".account-id (or " + ConfiguredQueues.queueProperty(queueName,
						"account-id") + "). " + CloudflareQueuesPropertiesValidator.ACCOUNT_ID_HINT);
	}

	private String queueId(String queueName, Queue queue, String accountId, CloudflareCredentials credentials) {
		String queueId = ConfiguredQueues.queueId(this.properties, queueName, queue);
		if (queueId != null) {
			return queueId;
		}
		String cloudflareName = ConfiguredQueues.queueName(this.properties, queueName, queue);
		if (cloudflareName != null) {
			return isLocal() ? derivedQueueId(cloudflareName) : this.lookup.queueId(accountId, credentials,
					cloudflareName, ConfiguredQueues.queueNameProperty(this.properties, queueName));
		}
		if (isLocal()) {
			return derivedQueueId(queueName);
		}
		String property = ConfiguredQueues.queueIdProperty(this.properties, queueName, queue);
		UnresolvedPlaceholders.failIfUnresolved(property, property.equals(PREFIX + ".queue-id")
				? this.properties.getQueueId() : queue.getQueueId());
		throw new InvalidCloudflareQueuesPropertyException(property, "the queue '" + queueName + "' has no id. Set "
				+ "it to the queue's id, 32 hex digits: `wrangler queues list` shows it, and so does the queue's page "
				+ "in the Cloudflare dashboard; or set the queue's name as "
				+ (property.equals(PREFIX + ".queue-id") ? PREFIX + ".queue-name"
						: ConfiguredQueues.queueProperty(queueName, "queue-name"))
				+ ". Or, to run without a Cloudflare account, turn on local mode (" + PREFIX + ".local.enabled=true)");
	}

}
