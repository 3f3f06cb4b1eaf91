package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.Objects;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * What the emulator does wrong, on purpose, with one push or batch request. Create faults with the factory
 * methods and return them from a {@link FaultInjector}.
 */
public sealed interface Fault permits Fault.None, Fault.Status, Fault.RateLimited, Fault.DropConnection,
		Fault.DelayAfterStore, Fault.DelayBeforeProcessing {

	/**
	 * No fault: the request is processed normally.
	 * @return the fault
	 */
	static Fault none() {
		return new None();
	}

	/**
	 * Answers with the given status and body instead of processing the request; nothing is stored.
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type} of the body
	 * @param body the body, may be empty
	 * @return the fault
	 */
	static Fault status(int status, String contentType, String body) {
		return new Status(status, contentType, body);
	}

	/**
	 * Answers with a Cloudflare error envelope carrying one error; nothing is stored.
	 * @param status the HTTP status
	 * @param code the Cloudflare error code, such as 10250 (queue overloaded) or 15000 (internal error)
	 * @param message the error message
	 * @return the fault
	 */
	static Fault error(int status, int code, String message) {
		String quotedMessage = new String(JsonStringEncoder.getInstance().quoteAsCharArray(message));
		String body = "{\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\"" + quotedMessage
				+ "\"}],\"messages\":[],\"result\":null}";
		return status(status, "application/json", body);
	}

	/**
	 * Answers HTTP 500 with error code 15000; nothing is stored.
	 * @return the fault
	 */
	static Fault internalServerError() {
		return error(500, 15000, "Internal Server Error");
	}

	/**
	 * Answers HTTP 502 with an HTML page, as Cloudflare's edge does when its origin fails; nothing is stored.
	 * @return the fault
	 */
	static Fault badGatewayHtml() {
		return status(502, "text/html",
				"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
						+ "<hr><center>cloudflare</center></body></html>");
	}

	/**
	 * Answers HTTP 429 with a {@code Retry-After} header and error code 971; nothing is stored.
	 * @param retryAfter the wait to announce, rounded up to whole seconds
	 * @return the fault
	 */
	static Fault rateLimited(Duration retryAfter) {
		return new RateLimited(retryAfter);
	}

	/**
	 * Closes the TCP connection without any answer; nothing is stored.
	 * @return the fault
	 */
	static Fault dropConnection() {
		return new DropConnection();
	}

	/**
	 * Processes and stores the request normally, then holds the answer back for the given time: a client that
	 * times out and retries creates a duplicate.
	 * @param delay the real time to wait before answering
	 * @return the fault
	 */
	static Fault delayAfterStore(Duration delay) {
		return new DelayAfterStore(delay);
	}

	/**
	 * Waits for the given time, then processes the request normally.
	 * @param delay the real time to wait before processing
	 * @return the fault
	 */
	static Fault delayBeforeProcessing(Duration delay) {
		return new DelayBeforeProcessing(delay);
	}

	/**
	 * No fault.
	 */
	record None() implements Fault {
	}

	/**
	 * A canned answer.
	 * @param status the HTTP status
	 * @param contentType the content type of the body
	 * @param body the body
	 */
	record Status(int status, String contentType, String body) implements Fault {

		/**
		 * Validates the components.
		 * @param status see {@link #status()}
		 * @param contentType see {@link #contentType()}
		 * @param body see {@link #body()}
		 */
		public Status {
			if (status < 100 || status > 599) {
				throw new IllegalArgumentException("status must be between 100 and 599, not " + status);
			}
			Objects.requireNonNull(contentType, "contentType must not be null");
			Objects.requireNonNull(body, "body must not be null");
		}

	}

	/**
	 * An injected 429.
	 * @param retryAfter the wait announced in {@code Retry-After}
	 */
	record RateLimited(Duration retryAfter) implements Fault {

		/**
		 * Validates the components.
		 * @param retryAfter see {@link #retryAfter()}
		 */
		public RateLimited {
			requireNotNegative(retryAfter, "retryAfter");
		}

	}

	/**
	 * A connection closed without an answer.
	 */
	record DropConnection() implements Fault {
	}

	/**
	 * A late answer to a stored request.
	 * @param delay the wait before answering
	 */
	record DelayAfterStore(Duration delay) implements Fault {

		/**
		 * Validates the components.
		 * @param delay see {@link #delay()}
		 */
		public DelayAfterStore {
			requireNotNegative(delay, "delay");
		}

	}

	/**
	 * A slow start to a normally processed request.
	 * @param delay the wait before processing
	 */
	record DelayBeforeProcessing(Duration delay) implements Fault {

		/**
		 * Validates the components.
		 * @param delay see {@link #delay()}
		 */
		public DelayBeforeProcessing {
			requireNotNegative(delay, "delay");
		}

	}

	private static void requireNotNegative(Duration duration, String name) {
		Objects.requireNonNull(duration, name + " must not be null");
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative");
		}
	}

}
