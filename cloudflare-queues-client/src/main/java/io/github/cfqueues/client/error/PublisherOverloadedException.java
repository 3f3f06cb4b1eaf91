package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The publisher already holds as many messages or bytes as flow control allows, and is configured to fail rather
 * than wait. Nothing was sent; retry once earlier pushes have been answered.
 */
public class PublisherOverloadedException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public PublisherOverloadedException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
