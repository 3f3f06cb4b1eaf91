package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads and validates the bodies of pull and ack requests. An empty body reads as {@code {}}; values left out
 * read as {@code null}, for the consumer's settings.
 */
final class ConsumerRequestReader {

	private final JsonBodies bodies;

	ConsumerRequestReader(JsonBodies bodies) {
		this.bodies = bodies;
	}

	/**
	 * Reads a pull request; a value left out is {@code null}, for the consumer's setting.
	 */
	PullOptions readPull(byte[] body) {
		JsonNode root = this.bodies.readObject(body, true);
		Long batchSize = JsonBodies.optionalWholeNumber(root, "batch_size", 1, ConsumerSettings.MAX_BATCH_SIZE,
				() -> ApiErrors.bodyInvalid("batch_size must be a whole number from 1 to "
						+ ConsumerSettings.MAX_BATCH_SIZE));
		Long visibilityTimeout = JsonBodies.optionalWholeNumber(root, "visibility_timeout_ms", 0,
				ConsumerSettings.MAX_VISIBILITY_TIMEOUT_MS,
				() -> ApiErrors.bodyInvalid("visibility_timeout_ms must be a whole number from 0 to "
						+ ConsumerSettings.MAX_VISIBILITY_TIMEOUT_MS));
		return new PullOptions((batchSize != null) ? batchSize.intValue() : null,
				(visibilityTimeout != null) ? Duration.ofMillis(visibilityTimeout) : null);
	}

	AckRequest readAck(byte[] body) {
		JsonNode root = this.bodies.readObject(body, true);
		List<String> acks = new ArrayList<>();
		for (JsonNode item : items(root, "acks")) {
			acks.add(leaseId(item, "acks"));
		}
		List<AckRequest.Retry> retries = new ArrayList<>();
		for (JsonNode item : items(root, "retries")) {
			String leaseId = leaseId(item, "retries");
			Long delay = JsonBodies.optionalWholeNumber(item, "delay_seconds", 0, PushRequestReader.MAX_DELAY_SECONDS,
					() -> ApiErrors.messageMetadataInvalid("retries: delay_seconds is invalid: expected a whole "
							+ "number of seconds from 0 to " + PushRequestReader.MAX_DELAY_SECONDS));
			retries.add(new AckRequest.Retry(leaseId, (delay != null) ? Duration.ofSeconds(delay) : null));
		}
		return new AckRequest(acks, retries);
	}

	private static Iterable<JsonNode> items(JsonNode root, String field) {
		JsonNode items = root.get(field);
		if (items == null || items.isNull()) {
			return List.of();
		}
		if (!items.isArray()) {
			throw ApiErrors.bodyInvalid("'" + field + "' must be an array");
		}
		return items;
	}

	private static String leaseId(JsonNode item, String field) {
		JsonNode leaseId = item.get("lease_id");
		if (!item.isObject() || leaseId == null || !leaseId.isString() || leaseId.stringValue().isEmpty()) {
			throw ApiErrors.bodyInvalid("each item of '" + field + "' needs a string 'lease_id'");
		}
		return leaseId.stringValue();
	}

}
