package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The queue or account does not exist, or the URL does not reach the Queues API (codes 10104, 10107, 7003, HTTP 404). Not retryable.
 */
public class QueueNotFoundException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public QueueNotFoundException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
