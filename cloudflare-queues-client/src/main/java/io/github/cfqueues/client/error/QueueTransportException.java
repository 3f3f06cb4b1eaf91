package io.github.cfqueues.client.error;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer arrived: the connection failed or dropped, or the request timed out. Retryable; the message
 * may have been stored before the failure, so a retry can deliver it twice.
 */
public class QueueTransportException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	private final boolean timeout;

	public QueueTransportException(String reason, FailureDetails details, boolean timeout, @Nullable Throwable cause) {
		super(reason, details, cause);
		this.timeout = timeout;
	}

	/**
	 * Whether the request timed out (rather than failing to connect or losing its connection).
	 * @return {@code true} for a timeout
	 */
	public boolean isTimeout() {
		return this.timeout;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
