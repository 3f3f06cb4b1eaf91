package io.github.cfqueues.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The queues the properties configure, by name: the top-level {@code queue-id} as the queue named
 * {@value CloudflareQueuesProperties#DEFAULT_QUEUE} (taking its other settings from {@code queues.default}, if
 * any), then every entry of {@code queues}.
 */
final class ConfiguredQueues {

	private ConfiguredQueues() {
	}

	static Map<String, Queue> of(CloudflareQueuesProperties properties) {
		Map<String, Queue> queues = new LinkedHashMap<>();
		if (StringUtils.hasText(properties.getQueueId())) {
			Queue queue = properties.getQueues().getOrDefault(CloudflareQueuesProperties.DEFAULT_QUEUE, new Queue());
			String nested = queue.getQueueId();
			if (StringUtils.hasText(nested) && !Objects.equals(nested, properties.getQueueId())) {
				throw new InvalidCloudflareQueuesPropertyException(CloudflareQueuesProperties.PREFIX + ".queue-id",
						"the queue 'default' has two ids: '" + properties.getQueueId() + "' here and '" + nested
								+ "' in " + queueProperty(CloudflareQueuesProperties.DEFAULT_QUEUE, "queue-id")
								+ "; set one");
			}
			queues.put(CloudflareQueuesProperties.DEFAULT_QUEUE, queue);
		}
		properties.getQueues().forEach(queues::putIfAbsent);
		return queues;
	}

	static @Nullable String queueId(CloudflareQueuesProperties properties, String name, Queue queue) {
		if (CloudflareQueuesProperties.DEFAULT_QUEUE.equals(name) && StringUtils.hasText(properties.getQueueId())) {
			return properties.getQueueId();
		}
		return StringUtils.hasText(queue.getQueueId()) ? queue.getQueueId() : null;
	}

	static String queueIdProperty(CloudflareQueuesProperties properties, String name) {
		if (CloudflareQueuesProperties.DEFAULT_QUEUE.equals(name) && StringUtils.hasText(properties.getQueueId())) {
			return CloudflareQueuesProperties.PREFIX + ".queue-id";
		}
		return queueProperty(name, "queue-id");
	}

	static String queueProperty(String name, String property) {
		return CloudflareQueuesProperties.PREFIX + ".queues." + name + "." + property;
	}

}
