package io.github.cfqueues.emulator;

import java.util.Map;

/**
 * An HTTP answer ready to write: status, extra headers, content type and body.
 */
record ApiResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

	static final String APPLICATION_JSON = "application/json";

	ApiResponse {
		headers = Map.copyOf(headers);
	}

	static ApiResponse json(int status, byte[] body) {
		return new ApiResponse(status, Map.of(), APPLICATION_JSON, body);
	}

}
