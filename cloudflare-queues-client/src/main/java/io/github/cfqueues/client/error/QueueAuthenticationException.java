package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Cloudflare refused the credentials (HTTP 401 or 403, codes 10000 and 10106): the token is wrong, expired, or lacks "Queues Write". Not retryable.
 */
public class QueueAuthenticationException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public QueueAuthenticationException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
