package io.github.cfqueues.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered 429: the account went over the API rate limit, or the queue is overloaded (code 10250).
 * Also raised, before any request, when the server asked for a longer wait than {@code retry.max-wait} allows, or
 * when a permit of the client's own rate limiter could not be had in time. Retryable after {@link #getRetryAfter()}.
 */
public class QueueRateLimitedException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	/**
	 * Cloudflare's code for an overloaded queue.
	 */
	public static final int QUEUE_OVERLOADED = 10250;

	public QueueRateLimitedException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	/**
	 * How long the server asked to wait, if it said.
	 * @return the wait, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return getDetails().retryAfter();
	}

	/**
	 * Whether the limit is the account's (all queues of the account are held back) rather than this queue's.
	 * @return {@code true} unless the answer carried the queue-overloaded code
	 */
	public boolean isAccountWide() {
		return !getDetails().hasCode(QUEUE_OVERLOADED);
	}

	/**
	 * Whether this client's own rate limiter refused the request (no request was sent): a permit could not be had
	 * within {@code rate-limit.max-wait}. Such a refusal is not retried: it already waited as long as allowed.
	 * @return {@code true} when no answer from Cloudflare is behind this exception
	 */
	public boolean isLocal() {
		return getHttpStatus() == 0;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
