package io.github.cfqueues.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer ready to write: status, extra headers, content type and body.
 */
record ApiResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

	static final String APPLICATION_JSON = "application/json";

	ApiResponse {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	static ApiResponse json(int status, byte[] body) {
		return new ApiResponse(status, Map.of(), APPLICATION_JSON, body);
	}

	ApiResponse withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new ApiResponse(this.status, headers, this.contentType, this.body);
	}

}
