package io.github.cfqueues.emulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON of the inspection endpoints: what each queue holds, up to its newest
 * {@value #MAX_MESSAGES_SHOWN} messages, and how many of its messages were received, acknowledged, retried,
 * dead-lettered and dropped. Times are ISO-8601 instants on the emulator's clock.
 */
final class InspectionBodies {

	/** The most messages shown per queue: the newest ones. */
	static final int MAX_MESSAGES_SHOWN = 100;

	private final JsonMapper mapper;

	InspectionBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Returns {@code {"now", "queues": [...]}}.
	 */
	ObjectNode queues(List<ManagedQueue> queues, Instant now) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("now", now.toString());
		ArrayNode items = body.putArray("queues");
		queues.forEach((queue) -> items.add(queue(queue, now)));
		return body;
	}

	/**
	 * Returns {@code {"now", "queue": {...}}}.
	 */
	ObjectNode oneQueue(ManagedQueue queue, Instant now) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("now", now.toString());
		body.set("queue", queue(queue, now));
		return body;
	}

	/**
	 * Returns {@code {"error"}}.
	 */
	ObjectNode error(String message) {
		return this.mapper.createObjectNode().put("error", message);
	}

	private ObjectNode queue(ManagedQueue queue, Instant now) {
		List<StoredMessage> messages = queue.store().messages();
		MessageHistory.Counts counts = queue.history().counts();
		int leftOut = Math.max(0, messages.size() - MAX_MESSAGES_SHOWN);
		ObjectNode item = this.mapper.createObjectNode();
		item.put("account_id", queue.address().accountId());
		item.put("queue_id", queue.address().queueId());
		item.put("queue_name", queue.name());
		item.put("delivery_paused", queue.settings().deliveryPaused());
		item.put("http_pull_enabled", queue.consumer() != null);
		item.put("backlog_count", messages.size());
		item.put("backlog_bytes", messages.stream().mapToLong(StoredMessage::sizeBytes).sum());
		item.put("older_messages_left_out", leftOut);
		ArrayNode shown = item.putArray("messages");
		messages.subList(leftOut, messages.size()).forEach((message) -> shown.add(message(message, now)));
		item.put("received_count", counts.received());
		item.put("acknowledged_count", counts.acknowledged());
		item.put("retried_count", counts.retried());
		item.put("dead_lettered_count", counts.deadLettered());
		item.put("dropped_count", counts.dropped());
		return item;
	}

	private ObjectNode message(StoredMessage message, Instant now) {
		Instant leaseExpiresAt = liveLeaseExpiry(message, now);
		ObjectNode item = this.mapper.createObjectNode();
		item.put("id", message.id());
		item.put("content_type", message.contentType());
		item.put("body", message.bodyAsText());
		item.put("attempts", message.attempts());
		item.put("enqueued_at", message.enqueuedAt().toString());
		item.put("visible_at", message.visibleAt().toString());
		item.put("leased", leaseExpiresAt != null);
		item.put("lease_expires_at", (leaseExpiresAt != null) ? leaseExpiresAt.toString() : null);
		return item;
	}

	private static @Nullable Instant liveLeaseExpiry(StoredMessage message, Instant now) {
		Instant expiresAt = message.leaseExpiresAt();
		return (expiresAt != null && expiresAt.isAfter(now)) ? expiresAt : null;
	}

}
