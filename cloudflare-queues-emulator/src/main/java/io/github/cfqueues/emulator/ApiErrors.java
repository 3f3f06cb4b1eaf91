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

	/** Seen from Cloudflare for an invalid queue name. */
	static final int QUEUE_NAME_INVALID = 11003;

	/** Chosen by the emulator: Cloudflare's code for a queue name in use is not documented. */
	static final int QUEUE_NAME_TAKEN = 11009;

	/** Chosen by the emulator: Cloudflare's code for an unknown consumer is not documented. */
	static final int CONSUMER_NOT_FOUND = 11010;

	/** Chosen by the emulator: a queue has at most one consumer. */
	static final int CONSUMER_EXISTS = 11011;

	/** Chosen by the emulator: it runs no Workers, so it refuses Worker consumers. */
	static final int CONSUMER_TYPE_UNSUPPORTED = 11012;

	/** Chosen by the emulator: Cloudflare's code for a pull from a queue without HTTP pull is not documented. */
	static final int HTTP_PULL_NOT_ENABLED = 11013;

	/**
	 * Chosen by the emulator: Cloudflare documents a 409 stating {@code queue_delivery_paused} for a pull on a
	 * paused queue, but no code.
	 */
	static final int DELIVERY_PAUSED = 11014;

	static final String RATE_LIMITED_MESSAGE = "Please wait and consider throttling your request speed";

	private ApiErrors() {
	}

	static ApiException noRoute() {
		return new ApiException(404, NO_ROUTE, "No route for the URI");
	}

	static ApiException methodNotAllowed(String allowedMethods) {
		return new ApiException(405, NO_ROUTE, "Method not allowed for the URI", Map.of("Allow", allowedMethods));
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

	static ApiException queueNameInvalid(String detail) {
		return new ApiException(400, QUEUE_NAME_INVALID,
				"queue_name " + detail + ": expected " + QueueName.RULE);
	}

	static ApiException queueNameTaken(String accountId, String name) {
		return new ApiException(409, QUEUE_NAME_TAKEN,
				"a queue named '" + name + "' already exists in account " + accountId + ": choose another name");
	}

	static ApiException consumerNotFound(String consumerId, QueueAddress address) {
		return new ApiException(404, CONSUMER_NOT_FOUND,
				"consumer " + consumerId + " not found on queue " + address.queueId());
	}

	static ApiException consumerExists(QueueAddress address, String consumerId) {
		return new ApiException(409, CONSUMER_EXISTS, "queue " + address.queueId() + " already has consumer "
				+ consumerId + ": update it with PUT or delete it before creating another");
	}

	static ApiException consumerTypeUnsupported(String type) {
		return new ApiException(400, CONSUMER_TYPE_UNSUPPORTED, "consumer type '" + type
				+ "' is not supported by the emulator, which runs no Workers: create an 'http_pull' consumer");
	}

	static ApiException httpPullNotEnabled(QueueAddress address, String queueName) {
		return new ApiException(400, HTTP_PULL_NOT_ENABLED, "HTTP pull is not enabled on queue " + queueName + " ("
				+ address.queueId() + "): create a consumer of type 'http_pull' on the queue to pull and acknowledge "
				+ "messages over HTTP");
	}

	static ApiException deliveryPaused(QueueAddress address, String queueName) {
		return new ApiException(409, DELIVERY_PAUSED, "queue_delivery_paused: message delivery is paused on queue "
				+ queueName + " (" + address.queueId() + "), so nothing can be pulled; resume it by setting "
				+ "delivery_paused to false: PATCH /accounts/" + address.accountId() + "/queues/" + address.queueId()
				+ " with {\"settings\":{\"delivery_paused\":false}}, as wrangler queues resume-delivery " + queueName
				+ " does");
	}

	static ApiException consumerWarmingUp(QueueAddress address, String queueName) {
		return new ApiException(503, UNKNOWN_INTERNAL_ERROR, "Service Unavailable: the HTTP pull consumer of queue "
				+ queueName + " (" + address.queueId() + ") was created moments ago and is not ready yet; retry "
				+ "shortly");
	}

	static ApiException parameterInvalid(String detail) {
		return new ApiException(400, JSON_REQUEST_BODY_INVALID, "request is invalid: " + detail);
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
