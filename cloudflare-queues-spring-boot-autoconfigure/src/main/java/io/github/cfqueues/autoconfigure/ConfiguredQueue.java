package io.github.cfqueues.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import org.jspecify.annotations.Nullable;


/**
 * A queue as {@code cloudflare.queues.*} configures it, for connection details other than the properties-based
 * ones (local mode): its name and the ids set for it, if any.
 *
 * @param name the queue's name ({@value CloudflareQueuesProperties#DEFAULT_QUEUE} for the top-level
 * {@code queue-id})
 * @param queueId the configured queue id, or {@code null} when none is set (blank, or in local mode an unresolved
 * placeholder)
 * @param accountId the queue's own {@code account-id}, else the global one, or {@code null} when neither is set
 */
public record ConfiguredQueue(String name, @Nullable String queueId, @Nullable String accountId) {

	/**
	 * Every configured queue, in the order of {@link CloudflareQueuesProperties#getQueues()} with the top-level
	 * queue first. A {@code queues.<name>} entry is a configured queue even when its {@code queue-id} is blank.
	 * @param properties the properties
	 * @return the queues
	 * @throws InvalidCloudflareQueuesPropertyException if the properties are invalid
	 */
	public static List<ConfiguredQueue> of(CloudflareQueuesProperties properties) {
		CloudflareQueuesPropertiesValidator.validate(properties);
		return ConfiguredQueues.of(properties).entrySet().stream().map((entry) -> of(properties, entry)).toList();
	}

	private static ConfiguredQueue of(CloudflareQueuesProperties properties, Map.Entry<String, Queue> entry) {
		String name = entry.getKey();
		Queue queue = entry.getValue();
		String accountId = UnresolvedPlaceholders.isSet(queue.getAccountId()) ? queue.getAccountId()
				: properties.getAccountId();
		return new ConfiguredQueue(name, ConfiguredQueues.queueId(properties, name, queue),
				UnresolvedPlaceholders.valueIfSet(accountId));
	}

}
