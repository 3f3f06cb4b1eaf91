package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered with a client error that no other exception describes. Not retryable.
 */
public class QueueRequestException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public QueueRequestException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
