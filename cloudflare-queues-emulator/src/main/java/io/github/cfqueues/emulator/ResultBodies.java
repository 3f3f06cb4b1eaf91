package io.github.cfqueues.emulator;

import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code result} of each operation in Cloudflare's shapes.
 */
final class ResultBodies {

	private final JsonMapper mapper;

	ResultBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	JsonNode push(QueueMetrics metrics) {
		ObjectNode result = this.mapper.createObjectNode();
		result.putObject("metadata").set("metrics", metrics(metrics));
		return result;
	}

	ObjectNode metrics(QueueMetrics metrics) {
		ObjectNode result = this.mapper.createObjectNode();
		result.put("backlog_count", metrics.backlogCount());
		result.put("backlog_bytes", metrics.backlogBytes());
		result.put("oldest_message_timestamp_ms", metrics.oldestMessageTimestampMs());
		return result;
	}

	JsonNode pull(PullResult pull) {
		ObjectNode result = this.mapper.createObjectNode();
		result.put("message_backlog_count", pull.metrics().backlogCount());
		ArrayNode messages = result.putArray("messages");
		for (StoredMessage message : pull.messages()) {
			ObjectNode item = messages.addObject();
			item.put("id", message.id());
			item.put("body", message.isText() ? message.body()
					: Base64.getEncoder().encodeToString(message.bodyAsBytes()));
			item.put("attempts", message.attempts());
			item.put("timestamp_ms", message.enqueuedAt().toEpochMilli());
			item.put("lease_id", message.leaseId());
			item.putObject("metadata").put("CF-Content-Type", message.contentType());
		}
		result.putObject("metadata").set("metrics", metrics(pull.metrics()));
		return result;
	}

	JsonNode ack(AckResult ack) {
		ObjectNode result = this.mapper.createObjectNode();
		result.put("ackCount", ack.ackCount());
		result.put("retryCount", ack.retryCount());
		ObjectNode warnings = result.putObject("warnings");
		ack.warnings().forEach(warnings::put);
		return result;
	}

}
