package io.github.cfqueues.client.error;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An acknowledgement or retry of a received message was not confirmed: Cloudflare answered a warning for its lease
 * (for example, an unknown or expired lease), or the request failed for good. The message is then delivered again
 * after its lease ends, unless an earlier settlement of it took effect. Names the message, the lease and when the
 * lease ends.
 */
public class MessageAckException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	private final String messageId;

	private final String leaseId;

	private final Instant leaseExpiresAt;

	private final boolean retryable;

	public MessageAckException(String reason, FailureDetails details, String messageId, String leaseId,
			Instant leaseExpiresAt, boolean retryable, @Nullable Throwable cause) {
		super(reason, details, cause);
		this.messageId = messageId;
		this.leaseId = leaseId;
		this.leaseExpiresAt = leaseExpiresAt;
		this.retryable = retryable;
	}

	/**
	 * The id of the message.
	 * @return the message id
	 */
	public String getMessageId() {
		return this.messageId;
	}

	/**
	 * The lease the settlement was for.
	 * @return the lease id
	 */
	public String getLeaseId() {
		return this.leaseId;
	}

	/**
	 * When the lease ends at the latest: after it, the message is delivered again.
	 * @return the time
	 */
	public Instant getLeaseExpiresAt() {
		return this.leaseExpiresAt;
	}

	/**
	 * Whether settling again may succeed: true when the request failed in a transient way, false for a warning.
	 * @return whether a retry can help
	 */
	@Override
	public boolean isRetryable() {
		return this.retryable;
	}

}
