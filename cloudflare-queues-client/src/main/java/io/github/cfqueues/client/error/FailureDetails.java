package io.github.cfqueues.client.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What is known of a failed call: what was attempted, on which queue, and what Cloudflare answered, if anything.
 *
 * @param operation what was attempted, for example {@code push} or {@code batch push}
 * @param queueName the queue's name in the application
 * @param queueId the queue's id at Cloudflare
 * @param httpStatus the HTTP status, or {@code 0} when no answer arrived
 * @param errors the {@code errors} of the answer, empty when none
 * @param cfRay the {@code cf-ray} header, for Cloudflare support
 * @param retryAfter the wait the server asked for ({@code Retry-After} or {@code retry-after-ms})
 */
public record FailureDetails(String operation, String queueName, String queueId, int httpStatus,
		List<ApiError> errors, @Nullable String cfRay, @Nullable Duration retryAfter) {

	public FailureDetails {
		Objects.requireNonNull(operation, "operation must not be null");
		Objects.requireNonNull(queueName, "queueName must not be null");
		Objects.requireNonNull(queueId, "queueId must not be null");
		errors = List.copyOf(errors);
	}

	/**
	 * Details of a call that got no answer.
	 * @param operation what was attempted
	 * @param queueName the queue's name
	 * @param queueId the queue's id
	 * @return the details
	 */
	public static FailureDetails noResponse(String operation, String queueName, String queueId) {
		return new FailureDetails(operation, queueName, queueId, 0, List.of(), null, null);
	}

	/**
	 * Whether any of the errors has the given code.
	 * @param code the code
	 * @return {@code true} if present
	 */
	public boolean hasCode(int code) {
		return this.errors.stream().anyMatch((error) -> error.code() == code);
	}

	String describe() {
		StringBuilder text = new StringBuilder();
		text.append(this.operation).append(" to queue '").append(this.queueName).append("' (id ").append(this.queueId)
			.append(")");
		if (this.httpStatus != 0) {
			text.append(": HTTP ").append(this.httpStatus);
		}
		if (!this.errors.isEmpty()) {
			text.append(", errors ").append(this.errors);
		}
		if (this.retryAfter != null) {
			text.append(", retry after ").append(this.retryAfter);
		}
		if (this.cfRay != null) {
			text.append(", cf-ray ").append(this.cfRay);
		}
		return text.toString();
	}

}
