package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The publisher is shutting down or has shut down: the push was refused, or its message could not be sent before
 * the shutdown timeout. Not retryable on this publisher.
 */
public class PublisherClosedException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public PublisherClosedException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
