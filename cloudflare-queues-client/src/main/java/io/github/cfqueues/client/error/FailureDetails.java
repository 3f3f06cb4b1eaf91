package io.github.cfqueues.client.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What is known of a failed call: what was attempted, on which queue, and what Cloudflare answered, if anything.
 *
 * @param operation what was attempted, for example {@code push} or {@code batch push}
 * @param queueName the queue's name in the application (or at Cloudflare, for a call about a queue by name); empty
 * for a call about the account as a whole
 * @param queueId the queue's id at Cloudflare; empty when the call names no queue id
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
		StringBuilder text = new StringBuilder(this.operation);
		if (!this.queueId.isEmpty()) {
			text.append(this.operation.contains("push") ? " to" : " on").append(" queue ");
			if (this.queueName.equals(this.queueId)) {
				text.append(this.queueId);
			}
			else {
				text.append('\'').append(this.queueName).append("' (id ").append(this.queueId).append(')');
			}
		}
		else if (!this.queueName.isEmpty()) {
			text.append(" of queue '").append(this.queueName).append('\'');
		}
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
