package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates the bodies of push and batch requests against Cloudflare's limits.
 */
final class PushRequestReader {

	static final long MAX_DELAY_SECONDS = 86_400;

	private final JsonBodies bodies;

	PushRequestReader(JsonBodies bodies) {
		this.bodies = bodies;
	}

	NewMessage readMessage(byte[] body) {
		NewMessage message = readMessage(this.bodies.readObject(body, false), null, "");
		checkMessageSize(message, "");
		return message;
	}

	List<NewMessage> readBatch(byte[] body) {
		JsonNode root = this.bodies.readObject(body, false);
		JsonNode items = root.get("messages");
		if (items == null || !items.isArray()) {
			throw ApiErrors.bodyInvalid("'messages' must be an array");
		}
		if (items.isEmpty() || items.size() > MessageSize.MAX_BATCH_MESSAGES) {
			throw ApiErrors.batchCountOutOfBounds(items.size());
		}
		Long batchDelay = JsonBodies.optionalWholeNumber(root, "delay_seconds", 0, MAX_DELAY_SECONDS,
				() -> ApiErrors.batchDelayInvalid(delayRule()));
		List<NewMessage> messages = new ArrayList<>(items.size());
		long totalBytes = 0;
		for (int i = 0; i < items.size(); i++) {
			String where = "messages[" + i + "]: ";
			JsonNode item = items.get(i);
			if (!item.isObject()) {
				throw ApiErrors.bodyInvalid(where + "expected a JSON object");
			}
			NewMessage message = readMessage(item, (batchDelay != null) ? Duration.ofSeconds(batchDelay) : null, where);
			checkMessageSize(message, where);
			totalBytes += message.sizeBytes();
			messages.add(message);
		}
		if (totalBytes > MessageSize.MAX_BATCH_BYTES) {
			throw ApiErrors.batchTooLarge(totalBytes);
		}
		return messages;
	}

	/**
	 * Reads one message; its delay is its own, else {@code defaultDelay}, which is {@code null} when the request
	 * names none.
	 */
	private NewMessage readMessage(JsonNode node, @Nullable Duration defaultDelay, String where) {
		String contentType = contentType(node, where);
		JsonNode body = node.get("body");
		if (body == null || body.isNull()) {
			throw ApiErrors.bodyInvalid(where + "'body' is required");
		}
		boolean text = StoredMessage.TEXT.equals(contentType);
		if (text && !body.isString()) {
			throw ApiErrors.bodyInvalid(where + "a text message needs a string 'body'");
		}
		Long delay = JsonBodies.optionalWholeNumber(node, "delay_seconds", 0, MAX_DELAY_SECONDS,
				() -> ApiErrors.messageMetadataInvalid(where + "delay_seconds is invalid: " + delayRule()));
		String bodyText = text ? body.stringValue() : this.bodies.compact(body);
		return new NewMessage(contentType, bodyText, (delay != null) ? Duration.ofSeconds(delay) : defaultDelay);
	}

	private static String contentType(JsonNode node, String where) {
		JsonNode contentType = node.get("content_type");
		if (contentType == null || contentType.isNull()) {
			return StoredMessage.JSON;
		}
		String value = contentType.isString() ? contentType.stringValue() : contentType.toString();
		if (!StoredMessage.TEXT.equals(value) && !StoredMessage.JSON.equals(value)) {
			throw ApiErrors.messageMetadataInvalid(
					where + "content_type '" + value + "' is not supported: expected 'text' or 'json'");
		}
		return value;
	}

	private static void checkMessageSize(NewMessage message, String where) {
		if (message.sizeBytes() > MessageSize.MAX_MESSAGE_BYTES) {
			throw ApiErrors.messageTooLarge(where, message.sizeBytes());
		}
	}

	private static String delayRule() {
		return "expected a whole number of seconds from 0 to " + MAX_DELAY_SECONDS;
	}

}
