package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.Map;

/**
 * Every error the emulator answers, with its Cloudflare code and the HTTP status the emulator chose for it.
 */
final class ApiErrors {

	static final int NO_ROUTE = 7003;

	static final int AUTHENTICATION_ERROR = 10000;

	static final int RATE_LIMITED = 971;

	static final int QUEUE_NOT_FOUND = 10104;

	static final int QUEUE_ID_MALFORMED = 10107;

	static final int BATCH_DELAY_INVALID = 10202;

	static final int MESSAGE_METADATA_INVALID = 10203;

	static final int MESSAGE_SIZE_OUT_OF_BOUNDS = 10204;

	static final int BATCH_SIZE_OUT_OF_BOUNDS = 10205;

	static final int BATCH_COUNT_OUT_OF_BOUNDS = 10206;

	static final int JSON_REQUEST_BODY_INVALID = 10207;

	static final int JSON_REQUEST_BODY_MALFORMED = 10208;

	static final int UNKNOWN_INTERNAL_ERROR = 15000;

	static final String RATE_LIMITED_MESSAGE = "Please wait and consider throttling your request speed";

	private ApiErrors() {
	}

	static ApiException noRoute() {
		return new ApiException(404, NO_ROUTE, "No route for the URI");
	}

	static ApiException methodNotAllowed(String allowedMethod) {
		return new ApiException(405, NO_ROUTE, "Method not allowed for the URI", Map.of("Allow", allowedMethod));
	}

	static ApiException authenticationFailed() {
		return new ApiException(403, AUTHENTICATION_ERROR, "Authentication error");
	}

	static ApiException conflictingCredentials() {
		return new ApiException(400, AUTHENTICATION_ERROR,
				"Authentication error: send either an API token or X-Auth-Email and X-Auth-Key, not both");
	}

	static ApiException malformedId(String name, String value) {
		return new ApiException(400, QUEUE_ID_MALFORMED,
				name + " '" + value + "' is malformed: expected 1 to 32 letters or digits");
	}

	static ApiException queueNotFound(QueueAddress address) {
		return new ApiException(404, QUEUE_NOT_FOUND,
				"queue " + address.queueId() + " not found in account " + address.accountId());
	}

	static ApiException rateLimited(Duration retryAfter) {
		return new ApiException(429, RATE_LIMITED, RATE_LIMITED_MESSAGE,
				Map.of("Retry-After", Long.toString(wholeSecondsRoundedUp(retryAfter))));
	}

	static ApiException batchDelayInvalid(String detail) {
		return new ApiException(400, BATCH_DELAY_INVALID, "batch delay_seconds is invalid: " + detail);
	}

	static ApiException messageMetadataInvalid(String detail) {
		return new ApiException(400, MESSAGE_METADATA_INVALID, detail);
	}

	static ApiException messageTooLarge(String where, long sizeBytes) {
		return new ApiException(400, MESSAGE_SIZE_OUT_OF_BOUNDS, where + "message size of " + sizeBytes
				+ " bytes exceeds limit of " + MessageSize.MAX_MESSAGE_BYTES + " bytes");
	}

	static ApiException batchTooLarge(long sizeBytes) {
		return new ApiException(400, BATCH_SIZE_OUT_OF_BOUNDS,
				"batch size of " + sizeBytes + " bytes exceeds limit of " + MessageSize.MAX_BATCH_BYTES + " bytes");
	}

	static ApiException batchCountOutOfBounds(int count) {
		return new ApiException(400, BATCH_COUNT_OUT_OF_BOUNDS, "batch of " + count
				+ " messages is out of bounds: expected 1 to " + MessageSize.MAX_BATCH_MESSAGES + " messages");
	}

	static ApiException bodyInvalid(String detail) {
		return new ApiException(400, JSON_REQUEST_BODY_INVALID, "JSON request body is invalid: " + detail);
	}

	static ApiException bodyMalformed() {
		return new ApiException(400, JSON_REQUEST_BODY_MALFORMED, "JSON request body is malformed");
	}

	static ApiException internalError() {
		return new ApiException(500, UNKNOWN_INTERNAL_ERROR, "Internal Server Error");
	}

	static long wholeSecondsRoundedUp(Duration duration) {
		long seconds = duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
