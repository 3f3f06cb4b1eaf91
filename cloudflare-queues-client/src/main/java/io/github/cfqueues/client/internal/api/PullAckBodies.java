package io.github.cfqueues.client.internal.api;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cfqueues.client.QueueMetrics;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * Writes pull and ack requests and reads their answers, leniently: the pull {@code result} is an object (the 2024
 * schema's array is wrong), counts may be missing, {@code warnings} is a map or a list.
 */
final class PullAckBodies {

	private static final String CONTENT_TYPE = "CF-Content-Type";

	private PullAckBodies() {
	}

	static byte[] pullRequest(JsonFactory factory, int batchSize, Duration visibilityTimeout) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		try (JsonGenerator generator = factory.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeNumberProperty("batch_size", batchSize);
			generator.writeNumberProperty("visibility_timeout_ms", visibilityTimeout.toMillis());
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	static byte[] ackRequest(JsonFactory factory, List<String> acks, List<LeaseRetry> retries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 64 * (acks.size() + retries.size()));
		try (JsonGenerator generator = factory.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName("acks");
			generator.writeStartArray();
			for (String leaseId : acks) {
				generator.writeStartObject();
				generator.writeStringProperty("lease_id", leaseId);
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeName("retries");
			generator.writeStartArray();
			for (LeaseRetry retry : retries) {
				generator.writeStartObject();
				generator.writeStringProperty("lease_id", retry.leaseId());
				if (retry.delay() != null) {
					generator.writeNumberProperty("delay_seconds", retry.delay().toSeconds());
				}
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	static PullResponse pullResponse(@Nullable JsonNode result) {
		if (result == null || !result.isObject()) {
			return new PullResponse(List.of(), null, QueueMetrics.none());
		}
		List<PulledMessage> messages = new ArrayList<>();
		for (JsonNode message : result.path("messages")) {
			messages.add(pulledMessage(message));
		}
		return new PullResponse(messages, ResultReader.number(result.get("message_backlog_count")),
				ResultReader.metrics(result.path("metadata").path("metrics")));
	}

	private static PulledMessage pulledMessage(JsonNode message) {
		Map<String, String> metadata = new LinkedHashMap<>();
		message.path("metadata").properties().forEach((entry) -> metadata.put(entry.getKey(), text(entry.getValue())));
		Long timestamp = ResultReader.number(message.get("timestamp_ms"));
		Long attempts = ResultReader.number(message.get("attempts"));
		return new PulledMessage(text(message.get("id")), metadata.getOrDefault(CONTENT_TYPE, ""),
				text(message.get("body")), (attempts != null) ? attempts.intValue() : 0,
				(timestamp != null) ? Instant.ofEpochMilli(timestamp) : null, text(message.get("lease_id")), metadata);
	}

	static AckResponse ackResponse(@Nullable JsonNode result) {
		if (result == null || !result.isObject()) {
			return new AckResponse(null, null, Map.of());
		}
		Map<String, String> warnings = new LinkedHashMap<>();
		JsonNode read = result.path("warnings");
		if (read.isObject()) {
			read.properties().forEach((entry) -> warnings.put(entry.getKey(), text(entry.getValue())));
		}
		else if (read.isArray()) {
			for (int i = 0; i < read.size(); i++) {
				warnings.put(String.valueOf(i), text(read.get(i)));
			}
		}
		Long acked = ResultReader.number(result.get("ackCount"));
		Long retried = ResultReader.number(result.get("retryCount"));
		return new AckResponse((acked != null) ? acked.intValue() : null,
				(retried != null) ? retried.intValue() : null, warnings);
	}

	private static String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		return node.isString() ? node.asString() : node.toString();
	}

}
