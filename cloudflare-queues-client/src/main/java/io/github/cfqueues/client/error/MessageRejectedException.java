package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Cloudflare rejected the request as invalid (codes 10202 to 10208, HTTP 400 and 413). Not retryable: the same request fails again.
 */
public class MessageRejectedException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	public MessageRejectedException(String reason, FailureDetails details, @Nullable Throwable cause) {
		super(reason, details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
