package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Cloudflare failed to handle the request (HTTP 5xx, 408 or 409, codes 15000 and 10201, or an answer that is not the API's envelope). Retryable; the message may have been stored, so a retry can deliver it twice.
 */
public class QueueServerException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public QueueServerException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
