package io.github.cfqueues.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps results and errors in Cloudflare's envelope:
 * {@code {"success", "errors": [{"code", "message"}], "messages": [], "result"}}, plus {@code result_info} for a
 * page of a list.
 */
final class Envelope {

	private final JsonMapper mapper;

	Envelope(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ApiResponse success(JsonNode result) {
		return ApiResponse.json(200, this.mapper.writeValueAsBytes(successEnvelope(result)));
	}

	/**
	 * Wraps one page of a list, with its {@code result_info}.
	 */
	ApiResponse success(JsonNode result, JsonNode resultInfo) {
		ObjectNode envelope = successEnvelope(result);
		envelope.set("result_info", resultInfo);
		return ApiResponse.json(200, this.mapper.writeValueAsBytes(envelope));
	}

	ArrayNode arrayNode() {
		return this.mapper.createArrayNode();
	}

	private ObjectNode successEnvelope(JsonNode result) {
		ObjectNode envelope = this.mapper.createObjectNode();
		envelope.put("success", true);
		envelope.putArray("errors");
		envelope.putArray("messages");
		envelope.set("result", result);
		return envelope;
	}

	ApiResponse failure(ApiException error) {
		ObjectNode envelope = this.mapper.createObjectNode();
		envelope.put("success", false);
		envelope.putArray("errors").addObject().put("code", error.code()).put("message", error.getMessage());
		envelope.putArray("messages");
		envelope.putNull("result");
		byte[] body = this.mapper.writeValueAsBytes(envelope);
		return new ApiResponse(error.status(), error.headers(), ApiResponse.APPLICATION_JSON, body);
	}

}
