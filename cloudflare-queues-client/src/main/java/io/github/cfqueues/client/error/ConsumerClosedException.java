package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The consumer is shutting down or has shut down: the pull was refused, or a settlement could not be sent before
 * the shutdown timeout (the message comes back after its lease). Not retryable on this consumer.
 */
public class ConsumerClosedException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public ConsumerClosedException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
