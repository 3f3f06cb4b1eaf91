package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The queue cannot take messages now, and waiting will not fix it (10251 storage limit exceeded, 10252 queue disabled, 10253 free tier limit exceeded). Not retryable.
 */
public class QueueUnavailableException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public QueueUnavailableException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
