package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A message broke one of Cloudflare's limits and was not sent; no request left the application. Names the limit,
 * the message's size or value, and its index in the batch. Not retryable.
 */
public class InvalidMessageException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	private final int index;

	private final long limit;

	private final long actual;

	public InvalidMessageException(String reason, FailureDetails details, int index, long limit, long actual,
			@Nullable Throwable cause) {
		super(reason, details, cause);
		this.index = index;
		this.limit = limit;
		this.actual = actual;
	}

	/**
	 * The message's index in the batch ({@code 0} for a single push).
	 * @return the index
	 */
	public int getIndex() {
		return this.index;
	}

	/**
	 * The limit that was broken, in bytes where it is a size; {@code -1} when no number applies.
	 * @return the limit
	 */
	public long getLimit() {
		return this.limit;
	}

	/**
	 * The message's measure against that limit, in bytes where it is a size; {@code -1} when no number applies.
	 * @return the actual value
	 */
	public long getActual() {
		return this.actual;
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
