package io.github.cfqueues.client.internal.api;

import java.time.Duration;

import io.github.cfqueues.client.admin.HttpPullConsumerSettings;
import io.github.cfqueues.client.admin.QueueSettingsUpdate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the request bodies of the queue, purge and consumer endpoints; a setting left unset is left out.
 */
final class AdminBodies {

	private final ObjectMapper mapper;

	AdminBodies(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	byte[] newQueue(String queueName) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("queue_name", queueName);
		return this.mapper.writeValueAsBytes(body);
	}

	byte[] settingsUpdate(QueueSettingsUpdate update) {
		ObjectNode body = this.mapper.createObjectNode();
		ObjectNode settings = body.putObject("settings");
		Duration delay = update.deliveryDelay();
		if (delay != null) {
			settings.put("delivery_delay", delay.toSeconds());
		}
		Boolean paused = update.deliveryPaused();
		if (paused != null) {
			settings.put("delivery_paused", paused);
		}
		Duration retention = update.messageRetentionPeriod();
		if (retention != null) {
			settings.put("message_retention_period", retention.toSeconds());
		}
		return this.mapper.writeValueAsBytes(body);
	}

	byte[] purge() {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("delete_messages_permanently", true);
		return this.mapper.writeValueAsBytes(body);
	}

	byte[] httpPullConsumer(HttpPullConsumerSettings consumer) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("type", "http_pull");
		ObjectNode settings = body.putObject("settings");
		Integer batchSize = consumer.batchSize();
		if (batchSize != null) {
			settings.put("batch_size", batchSize);
		}
		Integer maxRetries = consumer.maxRetries();
		if (maxRetries != null) {
			settings.put("max_retries", maxRetries);
		}
		Duration retryDelay = consumer.retryDelay();
		if (retryDelay != null) {
			settings.put("retry_delay", retryDelay.toSeconds());
		}
		Duration visibilityTimeout = consumer.visibilityTimeout();
		if (visibilityTimeout != null) {
			settings.put("visibility_timeout_ms", visibilityTimeout.toMillis());
		}
		String deadLetterQueue = consumer.deadLetterQueue();
		if (deadLetterQueue != null) {
			body.put("dead_letter_queue", deadLetterQueue);
		}
		return this.mapper.writeValueAsBytes(body);
	}

}
