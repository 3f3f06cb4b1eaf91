package io.github.cfqueues.client.internal.api;

import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.client.error.ApiError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The envelope around every Cloudflare answer, read leniently: {@code success}, {@code errors} (objects or plain
 * strings) and {@code result} (absent in older deployments' push answers). {@code messages} is ignored.
 *
 * @param success the {@code success} flag, or {@code null} when absent
 * @param errors the errors, empty when none
 * @param result the {@code result}, or {@code null} when absent or JSON {@code null}
 * @param resultInfo the {@code result_info} of a list, or {@code null} when absent
 */
record ApiEnvelope(@Nullable Boolean success, List<ApiError> errors, @Nullable JsonNode result,
		@Nullable JsonNode resultInfo) {

	/**
	 * The envelope of a successful answer without a body.
	 */
	static final ApiEnvelope EMPTY = new ApiEnvelope(null, List.of(), null, null);

	/**
	 * Reads an answer's body.
	 * @param mapper the library's own mapper
	 * @param body the body
	 * @return the envelope, or {@code null} when the body is not a JSON object (an HTML error page, say)
	 */
	static @Nullable ApiEnvelope read(ObjectMapper mapper, byte[] body) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode success = root.get("success");
		JsonNode result = root.get("result");
		JsonNode resultInfo = root.get("result_info");
		return new ApiEnvelope((success != null && success.isBoolean()) ? success.booleanValue() : null,
				readErrors(root.get("errors")), (result == null || result.isNull()) ? null : result,
				(resultInfo == null || !resultInfo.isObject()) ? null : resultInfo);
	}

	private static List<ApiError> readErrors(@Nullable JsonNode errors) {
		if (errors == null || !errors.isArray()) {
			return List.of();
		}
		List<ApiError> read = new ArrayList<>(errors.size());
		for (JsonNode error : errors) {
			if (error.isObject()) {
				JsonNode code = error.get("code");
				JsonNode message = error.get("message");
				read.add(new ApiError((code != null) ? code.asInt(0) : 0,
						(message != null && message.isString()) ? message.asString() : ""));
			}
			else if (error.isString()) {
				read.add(new ApiError(0, error.asString()));
			}
		}
		return read;
	}

}
