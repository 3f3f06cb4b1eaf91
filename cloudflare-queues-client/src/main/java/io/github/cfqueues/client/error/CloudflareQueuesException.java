package io.github.cfqueues.client.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure the Cloudflare Queues client reports. Each subclass names what a caller can do; each
 * carries the queue, the HTTP status, every Cloudflare error code and message, the {@code cf-ray} header, and
 * whether retrying can help. No credential ever appears in it.
 */
public abstract class CloudflareQueuesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient FailureDetails details;

	protected CloudflareQueuesException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason + ": " + details.describe(), cause);
		this.details = details;
	}

	/**
	 * Whether trying again later can succeed.
	 * @return {@code true} for transient failures
	 */
	public abstract boolean isRetryable();

	/**
	 * Everything known of the failed call.
	 * @return the details
	 */
	public FailureDetails getDetails() {
		return this.details;
	}

	/**
	 * The queue's name in the application.
	 * @return the name
	 */
	public String getQueueName() {
		return this.details.queueName();
	}

	/**
	 * The queue's id at Cloudflare.
	 * @return the id
	 */
	public String getQueueId() {
		return this.details.queueId();
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status, or {@code 0} when no answer arrived
	 */
	public int getHttpStatus() {
		return this.details.httpStatus();
	}

	/**
	 * Cloudflare's errors, in the order of the answer.
	 * @return the errors, empty when none
	 */
	public List<ApiError> getErrors() {
		return this.details.errors();
	}

	/**
	 * The {@code cf-ray} header of the answer: quote it to Cloudflare support.
	 * @return the ray id, or {@code null}
	 */
	public @Nullable String getCfRay() {
		return this.details.cfRay();
	}

}
