package io.github.cfqueues.emulator;

import java.util.Map;

/**
 * A request the emulator refuses, with the HTTP status, Cloudflare error code and extra headers to answer.
 * Thrown by validation, caught where the answer is written; never leaves the emulator.
 */
final class ApiException extends RuntimeException {

	private final int status;

	private final int code;

	private final Map<String, String> headers;

	ApiException(int status, int code, String message) {
		this(status, code, message, Map.of());
	}

	ApiException(int status, int code, String message, Map<String, String> headers) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.headers = Map.copyOf(headers);
	}

	int status() {
		return this.status;
	}

	int code() {
		return this.code;
	}

	Map<String, String> headers() {
		return this.headers;
	}

}
