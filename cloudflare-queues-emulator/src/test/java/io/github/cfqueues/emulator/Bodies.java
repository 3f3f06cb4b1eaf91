package io.github.cfqueues.emulator;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies for tests, serialized with Jackson so any text is escaped correctly.
 */
final class Bodies {

	private Bodies() {
	}

	static ObjectNode text(String body) {
		return ApiClient.JSON.createObjectNode().put("body", body).put("content_type", "text");
	}

	static ObjectNode text(String body, long delaySeconds) {
		return text(body).put("delay_seconds", delaySeconds);
	}

	static String batch(List<ObjectNode> messages) {
		ObjectNode batch = ApiClient.JSON.createObjectNode();
		ArrayNode items = batch.putArray("messages");
		messages.forEach(items::add);
		return batch.toString();
	}

	/**
	 * A text message of which the size by Cloudflare's rule (body bytes + 100) is exactly {@code sizeBytes}.
	 */
	static ObjectNode textOfSize(int sizeBytes) {
		return text("a".repeat(sizeBytes - 100));
	}

}
