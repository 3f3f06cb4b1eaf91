package io.github.cfqueues.client.internal.api;

import java.time.Instant;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMetrics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code result} of Cloudflare's answers into the client's types, leniently: a missing or mistyped field
 * reads as unknown, unknown fields are ignored.
 */
final class ResultReader {

	private ResultReader() {
	}

	static MessagePushResponse pushResponse(@Nullable JsonNode result) {
		if (result == null) {
			return MessagePushResponse.empty();
		}
		return MessagePushResponse.of(metrics(result.path("metadata").path("metrics")));
	}

	static QueueMetrics metrics(JsonNode metrics) {
		if (!metrics.isObject()) {
			return QueueMetrics.none();
		}
		Long oldest = number(metrics.get("oldest_message_timestamp_ms"));
		return new QueueMetrics(number(metrics.get("backlog_count")), number(metrics.get("backlog_bytes")),
				(oldest == null || oldest <= 0) ? null : Instant.ofEpochMilli(oldest));
	}

	static @Nullable Long number(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isNumber()) {
			return node.asLong();
		}
		if (node.isString()) {
			try {
				return (long) Double.parseDouble(node.asString());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
