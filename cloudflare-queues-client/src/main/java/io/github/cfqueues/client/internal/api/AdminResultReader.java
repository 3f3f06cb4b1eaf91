package io.github.cfqueues.client.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.client.admin.ConsumerInfo;
import io.github.cfqueues.client.admin.PurgeStatus;
import io.github.cfqueues.client.admin.QueueInfo;
import io.github.cfqueues.client.admin.QueuePage;
import io.github.cfqueues.client.admin.QueueSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads the {@code result} of the queue, purge and consumer endpoints, leniently: a missing or mistyped field reads
 * as unknown, unknown fields are ignored. Only an answer without the queue's or consumer's id is unreadable.
 */
final class AdminResultReader {

	private AdminResultReader() {
	}

	static QueuePage page(@Nullable JsonNode result, @Nullable JsonNode resultInfo, int page, int perPage) {
		List<QueueInfo> queues = new ArrayList<>();
		if (result != null && result.isArray()) {
			for (JsonNode queue : result) {
				queues.add(queue(queue));
			}
		}
		JsonNode info = (resultInfo != null) ? resultInfo : MissingNode.getInstance();
		return new QueuePage(queues, wholeNumber(info.get("page"), page), wholeNumber(info.get("per_page"), perPage),
				wholeNumber(info.get("total_count"), -1), wholeNumber(info.get("total_pages"), -1));
	}

	static QueueInfo queue(@Nullable JsonNode result) {
		JsonNode queue = object(result, "queue");
		JsonNode settings = queue.path("settings");
		Long delay = ResultReader.number(settings.get("delivery_delay"));
		JsonNode paused = settings.get("delivery_paused");
		Long retention = ResultReader.number(settings.get("message_retention_period"));
		List<ConsumerInfo> consumers = new ArrayList<>();
		JsonNode listed = queue.get("consumers");
		if (listed != null && listed.isArray()) {
			for (JsonNode consumer : listed) {
				if (consumer.isObject() && consumer.hasNonNull("consumer_id")) {
					consumers.add(consumer(consumer));
				}
			}
		}
		return new QueueInfo(requiredText(queue, "queue_id", "queue"), text(queue.get("queue_name"), ""),
				instant(queue.get("created_on")), instant(queue.get("modified_on")),
				new QueueSettings((delay != null) ? Duration.ofSeconds(delay) : null,
						(paused != null && paused.isBoolean()) ? paused.booleanValue() : null,
						(retention != null) ? Duration.ofSeconds(retention) : null),
				consumers);
	}

	static List<ConsumerInfo> consumers(@Nullable JsonNode result) {
		List<ConsumerInfo> consumers = new ArrayList<>();
		if (result != null && result.isArray()) {
			for (JsonNode consumer : result) {
				consumers.add(consumer(consumer));
			}
		}
		return consumers;
	}

	static ConsumerInfo consumer(@Nullable JsonNode result) {
		JsonNode consumer = object(result, "consumer");
		JsonNode settings = consumer.path("settings");
		Long batchSize = ResultReader.number(settings.get("batch_size"));
		Long maxRetries = ResultReader.number(settings.get("max_retries"));
		Long retryDelay = ResultReader.number(settings.get("retry_delay"));
		Long visibilityTimeout = ResultReader.number(settings.get("visibility_timeout_ms"));
		String script = text(consumer.get("script_name"), text(consumer.get("script"), ""));
		String deadLetterQueue = text(consumer.get("dead_letter_queue"), "");
		return new ConsumerInfo(requiredText(consumer, "consumer_id", "consumer"), text(consumer.get("type"), ""),
				script.isEmpty() ? null : script, instant(consumer.get("created_on")),
				(batchSize != null) ? batchSize.intValue() : null, (maxRetries != null) ? maxRetries.intValue() : null,
				(retryDelay != null) ? Duration.ofSeconds(retryDelay) : null,
				(visibilityTimeout != null) ? Duration.ofMillis(visibilityTimeout) : null,
				deadLetterQueue.isEmpty() ? null : deadLetterQueue);
	}

	/**
	 * Cloudflare's schema types {@code completed} as a string; a boolean is read too.
	 */
	static PurgeStatus purgeStatus(@Nullable JsonNode result) {
		if (result == null || !result.isObject()) {
			return new PurgeStatus(null, false);
		}
		JsonNode completed = result.get("completed");
		boolean done = (completed != null) && (completed.isBoolean() ? completed.booleanValue()
				: completed.isString() && Boolean.parseBoolean(completed.stringValue()));
		return new PurgeStatus(instant(result.get("started_at")), done);
	}

	private static JsonNode object(@Nullable JsonNode result, String what) {
		if (result == null || !result.isObject()) {
			throw new UnreadableResultException("the answer carries no " + what);
		}
		return result;
	}

	private static String requiredText(JsonNode node, String field, String what) {
		String value = text(node.get(field), "");
		if (value.isEmpty()) {
			throw new UnreadableResultException("the " + what + " in the answer has no " + field);
		}
		return value;
	}

	private static String text(@Nullable JsonNode node, String fallback) {
		return (node != null && node.isString()) ? node.stringValue() : fallback;
	}

	private static int wholeNumber(@Nullable JsonNode node, int fallback) {
		Long number = ResultReader.number(node);
		return (number != null) ? number.intValue() : fallback;
	}

	private static @Nullable Instant instant(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(node.stringValue()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
