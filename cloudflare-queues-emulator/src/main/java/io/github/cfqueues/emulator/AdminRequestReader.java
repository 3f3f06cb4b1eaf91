package io.github.cfqueues.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates the bodies of the queue, purge and consumer endpoints. Bounds are Cloudflare's; a value out
 * of bounds fails with 400 and code 10207, an invalid queue name with 400 and code 11003.
 */
final class AdminRequestReader {

	private static final String SETTINGS = "settings";

	private final JsonBodies bodies;

	AdminRequestReader(JsonBodies bodies) {
		this.bodies = bodies;
	}

	/**
	 * Reads {@code {"queue_name": ...}}.
	 */
	String readNewQueueName(byte[] body) {
		String name = queueName(this.bodies.readObject(body, true));
		if (name == null) {
			throw ApiErrors.queueNameInvalid("is required");
		}
		return name;
	}

	/**
	 * Reads {@code {"queue_name"?, "settings"?: {...}}}; settings left out keep their value in {@code base}.
	 */
	QueueUpdate readQueueUpdate(byte[] body, QueueSettings base) {
		JsonNode root = this.bodies.readObject(body, true);
		QueueSettings settings = readQueueSettings(root, base);
		return new QueueUpdate(queueName(root), settings);
	}

	private static QueueSettings readQueueSettings(JsonNode root, QueueSettings base) {
		JsonNode settings = optionalObject(root, SETTINGS);
		if (settings == null) {
			return base;
		}
		QueueSettings updated = base;
		Long delay = JsonBodies.optionalWholeNumber(settings, "delivery_delay", 0,
				QueueSettings.MAX_DELIVERY_DELAY_SECONDS, () -> outOfBounds("settings.delivery_delay", "seconds",
						0, QueueSettings.MAX_DELIVERY_DELAY_SECONDS));
		if (delay != null) {
			updated = updated.withDeliveryDelay(Duration.ofSeconds(delay));
		}
		JsonNode paused = settings.get("delivery_paused");
		if (paused != null && !paused.isNull()) {
			if (!paused.isBoolean()) {
				throw ApiErrors.bodyInvalid("settings.delivery_paused must be true or false");
			}
			updated = updated.withDeliveryPaused(paused.booleanValue());
		}
		Long retention = JsonBodies.optionalWholeNumber(settings, "message_retention_period",
				QueueSettings.MIN_RETENTION_SECONDS, QueueSettings.MAX_RETENTION_SECONDS,
				() -> outOfBounds("settings.message_retention_period", "seconds", QueueSettings.MIN_RETENTION_SECONDS,
						QueueSettings.MAX_RETENTION_SECONDS));
		if (retention != null) {
			updated = updated.withMessageRetentionPeriod(Duration.ofSeconds(retention));
		}
		return updated;
	}

	/**
	 * Reads {@code {"type": "http_pull", "settings"?: {...}, "dead_letter_queue"?: ...}}; settings left out take
	 * their default.
	 */
	ConsumerSettings readConsumer(byte[] body) {
		JsonNode root = this.bodies.readObject(body, true);
		JsonNode type = root.get("type");
		if (type == null || !type.isString()) {
			throw ApiErrors.bodyInvalid("type is required: expected 'http_pull'");
		}
		if (!type.stringValue().equals(HttpPullConsumer.TYPE)) {
			throw ApiErrors.consumerTypeUnsupported(type.stringValue());
		}
		ConsumerSettings settings = ConsumerSettings.defaults().withDeadLetterQueue(deadLetterQueue(root));
		JsonNode values = optionalObject(root, SETTINGS);
		if (values == null) {
			return settings;
		}
		Long batchSize = JsonBodies.optionalWholeNumber(values, "batch_size", 1, ConsumerSettings.MAX_BATCH_SIZE,
				() -> outOfBounds("settings.batch_size", null, 1, ConsumerSettings.MAX_BATCH_SIZE));
		if (batchSize != null) {
			settings = settings.withBatchSize(batchSize.intValue());
		}
		Long maxRetries = JsonBodies.optionalWholeNumber(values, "max_retries", 0,
				ConsumerSettings.MAX_RETRIES_LIMIT,
				() -> outOfBounds("settings.max_retries", null, 0, ConsumerSettings.MAX_RETRIES_LIMIT));
		if (maxRetries != null) {
			settings = settings.withMaxRetries(maxRetries.intValue());
		}
		Long retryDelay = JsonBodies.optionalWholeNumber(values, "retry_delay", 0,
				ConsumerSettings.MAX_RETRY_DELAY_SECONDS,
				() -> outOfBounds("settings.retry_delay", "seconds", 0, ConsumerSettings.MAX_RETRY_DELAY_SECONDS));
		if (retryDelay != null) {
			settings = settings.withRetryDelay(Duration.ofSeconds(retryDelay));
		}
		Long visibilityTimeout = JsonBodies.optionalWholeNumber(values, "visibility_timeout_ms", 0,
				ConsumerSettings.MAX_VISIBILITY_TIMEOUT_MS, () -> outOfBounds("settings.visibility_timeout_ms",
						"milliseconds", 0, ConsumerSettings.MAX_VISIBILITY_TIMEOUT_MS));
		if (visibilityTimeout != null) {
			settings = settings.withVisibilityTimeout(Duration.ofMillis(visibilityTimeout));
		}
		return settings;
	}

	/**
	 * Checks {@code {"delete_messages_permanently": true}}.
	 */
	void readPurgeConfirmation(byte[] body) {
		JsonNode confirmation = this.bodies.readObject(body, true).get("delete_messages_permanently");
		if (confirmation == null || !confirmation.isBoolean() || !confirmation.booleanValue()) {
			throw ApiErrors.bodyInvalid("delete_messages_permanently must be true, to confirm that purging "
					+ "deletes every message of the queue permanently");
		}
	}

	private static @Nullable String queueName(JsonNode root) {
		JsonNode name = root.get("queue_name");
		if (name == null || name.isNull()) {
			return null;
		}
		if (!name.isString()) {
			throw ApiErrors.queueNameInvalid("must be a string");
		}
		if (!QueueName.isValid(name.stringValue())) {
			throw ApiErrors.queueNameInvalid("'" + name.stringValue() + "' is invalid");
		}
		return name.stringValue();
	}

	private static @Nullable String deadLetterQueue(JsonNode root) {
		JsonNode name = root.get("dead_letter_queue");
		if (name == null || name.isNull() || (name.isString() && name.stringValue().isEmpty())) {
			return null;
		}
		if (!name.isString() || !QueueName.isValid(name.stringValue())) {
			throw ApiErrors.bodyInvalid("dead_letter_queue must be the name of a queue: " + QueueName.RULE);
		}
		return name.stringValue();
	}

	private static @Nullable JsonNode optionalObject(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw ApiErrors.bodyInvalid("'" + field + "' must be an object");
		}
		return node;
	}

	private static ApiException outOfBounds(String field, @Nullable String unit, long min, long max) {
		return ApiErrors.bodyInvalid(field + " must be a whole number " + ((unit != null) ? "of " + unit + " " : "")
				+ "from " + min + " to " + max);
	}

	/**
	 * A queue's new name, or {@code null} to keep it, and its new settings.
	 */
	record QueueUpdate(@Nullable String name, QueueSettings settings) {
	}

}
