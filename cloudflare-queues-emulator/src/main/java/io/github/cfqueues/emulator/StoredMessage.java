package io.github.cfqueues.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one message held by an {@link EmulatedQueue}.
 *
 * @param id the message id, 32 hex digits
 * @param contentType {@value #TEXT} or {@value #JSON}
 * @param body for text, the string as sent; for json, the compact JSON text of the body value
 * @param enqueuedAt when the emulator accepted the message
 * @param visibleAt when the message may next be pulled: {@code enqueuedAt} plus its delay, or the time a retry
 * made it due again
 * @param attempts how many times the message was pulled
 * @param leaseId the lease handed out by the latest pull, or {@code null} if it was never pulled or was retried
 * since
 * @param leaseExpiresAt when that lease's visibility timeout ends, or {@code null} without a lease
 */
public record StoredMessage(String id, String contentType, String body, Instant enqueuedAt, Instant visibleAt,
		int attempts, @Nullable String leaseId, @Nullable Instant leaseExpiresAt) {

	/** The content type of a message whose body is a plain string. */
	public static final String TEXT = "text";

	/** The content type of a message whose body is any JSON value. */
	public static final String JSON = "json";

	/**
	 * Validates the components.
	 * @param id see {@link #id()}
	 * @param contentType see {@link #contentType()}
	 * @param body see {@link #body()}
	 * @param enqueuedAt see {@link #enqueuedAt()}
	 * @param visibleAt see {@link #visibleAt()}
	 * @param attempts see {@link #attempts()}
	 * @param leaseId see {@link #leaseId()}
	 * @param leaseExpiresAt see {@link #leaseExpiresAt()}
	 */
	public StoredMessage {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(body, "body must not be null");
		Objects.requireNonNull(enqueuedAt, "enqueuedAt must not be null");
		Objects.requireNonNull(visibleAt, "visibleAt must not be null");
		if (!TEXT.equals(contentType) && !JSON.equals(contentType)) {
			throw new IllegalArgumentException("contentType must be 'text' or 'json', not '" + contentType + "'");
		}
	}

	/**
	 * Returns the size Cloudflare counts for this message: UTF-8 bytes of the body plus 100 bytes of overhead.
	 * @return the size in bytes
	 */
	public long sizeBytes() {
		return MessageSize.of(this.body);
	}

	/**
	 * Returns whether the body is a plain string.
	 * @return {@code true} for content type {@value #TEXT}
	 */
	public boolean isText() {
		return TEXT.equals(this.contentType);
	}

	/**
	 * Returns whether the body is a JSON value.
	 * @return {@code true} for content type {@value #JSON}
	 */
	public boolean isJson() {
		return JSON.equals(this.contentType);
	}

	/**
	 * Returns the body as text: the string for text messages, the compact JSON text for json messages.
	 * @return the body text
	 */
	public String bodyAsText() {
		return this.body;
	}

	/**
	 * Returns the UTF-8 bytes of {@link #bodyAsText()}, which is what a pull sends base64-encoded for json.
	 * @return the body bytes
	 */
	public byte[] bodyAsBytes() {
		return this.body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns whether a pull at the given time may deliver this message: it is due and holds no live lease.
	 * @param now the time of the pull
	 * @return whether the message is available
	 */
	public boolean isAvailableAt(Instant now) {
		return !this.visibleAt.isAfter(now) && (this.leaseExpiresAt == null || !this.leaseExpiresAt.isAfter(now));
	}

	StoredMessage leased(String newLeaseId, Instant expiresAt) {
		return new StoredMessage(this.id, this.contentType, this.body, this.enqueuedAt, this.visibleAt,
				this.attempts + 1, newLeaseId, expiresAt);
	}

	StoredMessage retriedAt(Instant dueAt) {
		return new StoredMessage(this.id, this.contentType, this.body, this.enqueuedAt, dueAt, this.attempts, null,
				null);
	}

}
