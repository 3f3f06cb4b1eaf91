package io.github.cfqueues.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import org.jspecify.annotations.Nullable;

/**
 * The queues the properties configure, by name: the top-level {@code queue-id} (or {@code queue-name}) as the
 * queue named {@value CloudflareQueuesProperties#DEFAULT_QUEUE} (taking its other settings from
 * {@code queues.default}, if any), then every entry of {@code queues}. A top-level {@code queue-id} that is present declares the queue even
 * when it is blank or, in local mode, an unresolved placeholder: the queue then has no id of its own, which local
 * mode derives and which elsewhere fails startup.
 */
final class ConfiguredQueues {

	private ConfiguredQueues() {
	}

	static Map<String, Queue> of(CloudflareQueuesProperties properties) {
		Map<String, Queue> queues = new LinkedHashMap<>();
		if (properties.getQueueId() != null || UnresolvedPlaceholders.isSet(properties.getQueueName())) {
			Queue queue = properties.getQueues().getOrDefault(CloudflareQueuesProperties.DEFAULT_QUEUE, new Queue());
			String nested = queue.getQueueId();
			if (UnresolvedPlaceholders.isSet(nested) && UnresolvedPlaceholders.isSet(properties.getQueueId())
					&& !Objects.equals(nested, properties.getQueueId())) {
				throw new InvalidCloudflareQueuesPropertyException(CloudflareQueuesProperties.PREFIX + ".queue-id",
						"the queue 'default' has two ids: '" + properties.getQueueId() + "' here and '" + nested
								+ "' in " + queueProperty(CloudflareQueuesProperties.DEFAULT_QUEUE, "queue-id")
								+ "; set one");
			}
			String nestedName = queue.getQueueName();
			if (UnresolvedPlaceholders.isSet(nestedName) && UnresolvedPlaceholders.isSet(properties.getQueueName())
					&& !Objects.equals(nestedName, properties.getQueueName())) {
				throw new InvalidCloudflareQueuesPropertyException(CloudflareQueuesProperties.PREFIX + ".queue-name",
						"the queue 'default' has two names: '" + properties.getQueueName() + "' here and '"
								+ nestedName + "' in " + queueProperty(CloudflareQueuesProperties.DEFAULT_QUEUE,
										"queue-name")
								+ "; set one");
			}
			queues.put(CloudflareQueuesProperties.DEFAULT_QUEUE, queue);
		}
		properties.getQueues().forEach(queues::putIfAbsent);
		return queues;
	}

	static @Nullable String queueId(CloudflareQueuesProperties properties, String name, Queue queue) {
		if (CloudflareQueuesProperties.DEFAULT_QUEUE.equals(name)
				&& UnresolvedPlaceholders.isSet(properties.getQueueId())) {
			return properties.getQueueId();
		}
		return UnresolvedPlaceholders.valueIfSet(queue.getQueueId());
	}

	/**
	 * The property a queue's id comes from, or would: the top-level {@code queue-id} for the queue named
	 * {@value CloudflareQueuesProperties#DEFAULT_QUEUE} when it is present and {@code queues.default.queue-id} is
	 * not set.
	 */
	static String queueIdProperty(CloudflareQueuesProperties properties, String name, Queue queue) {
		if (CloudflareQueuesProperties.DEFAULT_QUEUE.equals(name) && properties.getQueueId() != null
				&& (UnresolvedPlaceholders.isSet(properties.getQueueId())
						|| !UnresolvedPlaceholders.isSet(queue.getQueueId()))) {
			return CloudflareQueuesProperties.PREFIX + ".queue-id";
		}
		return queueProperty(name, "queue-id");
	}

	/**
	 * The queue's name at Cloudflare, when it is configured by {@code queue-name} rather than by id.
	 */
	static @Nullable String queueName(CloudflareQueuesProperties properties, String name, Queue queue) {
		if (CloudflareQueuesProperties.DEFAULT_QUEUE.equals(name)
				&& UnresolvedPlaceholders.isSet(properties.getQueueName())) {
			return properties.getQueueName();
		}
		return UnresolvedPlaceholders.valueIfSet(queue.getQueueName());
	}

	static String queueNameProperty(CloudflareQueuesProperties properties, String name) {
		if (CloudflareQueuesProperties.DEFAULT_QUEUE.equals(name)
				&& UnresolvedPlaceholders.isSet(properties.getQueueName())) {
			return CloudflareQueuesProperties.PREFIX + ".queue-name";
		}
		return queueProperty(name, "queue-name");
	}

	static String queueProperty(String name, String property) {
		return CloudflareQueuesProperties.PREFIX + ".queues." + name + "." + property;
	}

}
