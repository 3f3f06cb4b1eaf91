package io.github.cfqueues.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The queues the properties configure, by name: the top-level {@code queue-id} (or {@code queue-name}) as the
 * queue named {@value CloudflareQueuesProperties#DEFAULT_QUEUE} (taking its other settings from
 * {@code queues.default}, if any), then every entry of {@code queues}.
 */
final class ConfiguredQueues {

	private static final String PREFIX = CloudflareQueuesProperties.PREFIX;

	private ConfiguredQueues() {
	}

	static Map<String, Queue> of(CloudflareQueuesProperties properties) {
		Map<String, Queue> queues = new LinkedHashMap<>();
		if (StringUtils.hasText(properties.getQueueId()) || StringUtils.hasText(properties.getQueueName())) {
			Queue queue = properties.getQueues().getOrDefault(CloudflareQueuesProperties.DEFAULT_QUEUE, new Queue());
			checkSame("queue-id", "ids", properties.getQueueId(), queue.getQueueId());
			checkSame("queue-name", "names", properties.getQueueName(), queue.getQueueName());
			queues.put(CloudflareQueuesProperties.DEFAULT_QUEUE, queue);
		}
		properties.getQueues().forEach(queues::putIfAbsent);
		return queues;
	}

	private static void checkSame(String property, String what, @Nullable String topLevel, @Nullable String nested) {
		if (StringUtils.hasText(topLevel) && StringUtils.hasText(nested) && !Objects.equals(nested, topLevel)) {
			throw new InvalidCloudflareQueuesPropertyException(PREFIX + "." + property,
					"the queue 'default' has two " + what + ": '" + topLevel + "' here and '" + nested + "' in "
							+ queueProperty(CloudflareQueuesProperties.DEFAULT_QUEUE, property) + "; set one");
		}
	}

	static @Nullable String queueId(CloudflareQueuesProperties properties, String name, Queue queue) {
		if (isTopLevel(name) && StringUtils.hasText(properties.getQueueId())) {
			return properties.getQueueId();
		}
		return StringUtils.hasText(queue.getQueueId()) ? queue.getQueueId() : null;
	}

	static String queueIdProperty(CloudflareQueuesProperties properties, String name) {
		if (isTopLevel(name) && StringUtils.hasText(properties.getQueueId())) {
			return PREFIX + ".queue-id";
		}
		return queueProperty(name, "queue-id");
	}

	/**
	 * The queue's name at Cloudflare, when it is configured by name rather than by id.
	 */
	static @Nullable String queueName(CloudflareQueuesProperties properties, String name, Queue queue) {
		if (isTopLevel(name) && StringUtils.hasText(properties.getQueueName())) {
			return properties.getQueueName();
		}
		return StringUtils.hasText(queue.getQueueName()) ? queue.getQueueName() : null;
	}

	static String queueNameProperty(CloudflareQueuesProperties properties, String name) {
		if (isTopLevel(name) && StringUtils.hasText(properties.getQueueName())) {
			return PREFIX + ".queue-name";
		}
		return queueProperty(name, "queue-name");
	}

	private static boolean isTopLevel(String name) {
		return CloudflareQueuesProperties.DEFAULT_QUEUE.equals(name);
	}

	static String queueProperty(String name, String property) {
		return PREFIX + ".queues." + name + "." + property;
	}

}
