package io.github.cfqueues.emulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code result} of the queue, purge and consumer endpoints in Cloudflare's shapes.
 */
final class AdminResultBodies {

	private final JsonMapper mapper;

	AdminResultBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ObjectNode queue(ManagedQueue queue) {
		ObjectNode result = this.mapper.createObjectNode();
		result.put("queue_id", queue.address().queueId());
		result.put("queue_name", queue.name());
		result.put("created_on", queue.createdOn().toString());
		result.put("modified_on", queue.modifiedOn().toString());
		result.putArray("producers");
		result.put("producers_total_count", 0);
		HttpPullConsumer consumer = queue.consumer();
		if (consumer != null) {
			result.putArray("consumers").add(consumer(queue, consumer));
		}
		else {
			result.putArray("consumers");
		}
		result.put("consumers_total_count", (consumer != null) ? 1 : 0);
		QueueSettings settings = queue.settings();
		ObjectNode settingsNode = result.putObject("settings");
		settingsNode.put("delivery_delay", settings.deliveryDelay().getSeconds());
		settingsNode.put("delivery_paused", settings.deliveryPaused());
		settingsNode.put("message_retention_period", settings.messageRetentionPeriod().getSeconds());
		return result;
	}

	ObjectNode consumer(ManagedQueue queue, HttpPullConsumer consumer) {
		ObjectNode result = this.mapper.createObjectNode();
		result.put("consumer_id", consumer.consumerId());
		result.put("type", HttpPullConsumer.TYPE);
		result.put("queue_id", queue.address().queueId());
		result.put("queue_name", queue.name());
		result.put("created_on", consumer.createdOn().toString());
		ConsumerSettings settings = consumer.settings();
		ObjectNode settingsNode = result.putObject("settings");
		settingsNode.put("batch_size", settings.batchSize());
		settingsNode.put("max_retries", settings.maxRetries());
		settingsNode.put("retry_delay", settings.retryDelay().getSeconds());
		settingsNode.put("visibility_timeout_ms", settings.visibilityTimeout().toMillis());
		result.put("dead_letter_queue", (settings.deadLetterQueue() != null) ? settings.deadLetterQueue() : "");
		return result;
	}

	/**
	 * The OpenAPI schema types {@code completed} as a string; an empty object when the queue was never purged.
	 */
	ObjectNode purgeStatus(@Nullable PurgeStatus status) {
		ObjectNode result = this.mapper.createObjectNode();
		if (status != null) {
			result.put("started_at", status.startedAt().toString());
			result.put("completed", Boolean.toString(status.completed()));
		}
		return result;
	}

	ObjectNode resultInfo(PageRequest page, int count, int totalCount) {
		ObjectNode info = this.mapper.createObjectNode();
		info.put("page", page.page());
		info.put("per_page", page.perPage());
		info.put("count", count);
		info.put("total_count", totalCount);
		info.put("total_pages", page.totalPages(totalCount));
		return info;
	}

	JsonNode none() {
		return NullNode.getInstance();
	}

}
