package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One message to push to a queue: a body, how Cloudflare should treat it, and an optional delivery delay.
 * <p>
 * Immutable. Create one with {@link #text(String)}, {@link #json(Object)}, {@link #jsonText(String)} or
 * {@link #of(Object)}, then add a delay with {@link #withDelay(Duration)}:
 * <pre>{@code
 * QueueMessage.json(order).withDelay(Duration.ofMinutes(5))
 * }</pre>
 * Limits that depend only on the message (delay range, whole seconds) are checked here; the size limit is
 * checked when the message is pushed, once its body has been serialized.
 */
public final class QueueMessage {

	/**
	 * The longest delivery delay Cloudflare accepts.
	 */
	public static final Duration MAX_DELAY = Duration.ofHours(24);

	private final Object body;

	private final @Nullable MessageContentType contentType;

	private final boolean preSerialized;

	private final @Nullable Duration delay;

	private QueueMessage(Object body, @Nullable MessageContentType contentType, boolean preSerialized,
			@Nullable Duration delay) {
		this.body = body;
		this.contentType = contentType;
		this.preSerialized = preSerialized;
		this.delay = delay;
	}

	/**
	 * A message whose body is delivered as plain text.
	 * @param text the body
	 * @return the message
	 */
	public static QueueMessage text(String text) {
		Objects.requireNonNull(text, "The text must not be null");
		return new QueueMessage(text, MessageContentType.TEXT, false, null);
	}

	/**
	 * A message whose body is the given object serialized to JSON with the application's JSON mapper. A
	 * {@code String} becomes a JSON string; use {@link #jsonText(String)} for text that is already JSON.
	 * @param payload the object to serialize
	 * @return the message
	 * @throws IllegalArgumentException if the payload is a {@code byte[]}, which has no HTTP content type at
	 * Cloudflare Queues
	 */
	public static QueueMessage json(Object payload) {
		return new QueueMessage(checkPayload(payload), MessageContentType.JSON, false, null);
	}

	/**
	 * A message whose body is JSON text that is already serialized; it is sent as-is after a check that it
	 * holds exactly one JSON value.
	 * @param json the JSON text
	 * @return the message
	 */
	public static QueueMessage jsonText(String json) {
		Objects.requireNonNull(json, "The JSON text must not be null");
		return new QueueMessage(json, MessageContentType.JSON, true, null);
	}

	/**
	 * A message sent with the content type configured for the queue it is pushed to: as text when that is
	 * {@code text} (the body must then be a {@link CharSequence}), serialized to JSON when it is {@code json}.
	 * @param body the body
	 * @return the message
	 */
	public static QueueMessage of(Object body) {
		return new QueueMessage(checkPayload(body), null, false, null);
	}

	private static Object checkPayload(Object payload) {
		Objects.requireNonNull(payload, "The message body must not be null");
		if (payload instanceof byte[]) {
			throw new IllegalArgumentException("A byte[] body has no content type in the Cloudflare Queues HTTP API "
					+ "(only 'text' and 'json' exist); encode it, for example as Base64 text, or wrap it in an object");
		}
		return payload;
	}

	/**
	 * This message with a delivery delay: consumers receive it no earlier than the delay after it is accepted.
	 * @param delay whole seconds from 0 to 24 hours
	 * @return a new message
	 * @throws IllegalArgumentException if the delay is negative, longer than 24 hours or not whole seconds
	 */
	public QueueMessage withDelay(Duration delay) {
		return new QueueMessage(this.body, this.contentType, this.preSerialized, checkDelay(delay, "Message delay"));
	}

	/**
	 * Checks a delivery delay against what Cloudflare accepts.
	 * @param delay the delay
	 * @param what how to name the delay in the error message
	 * @return the delay
	 * @throws IllegalArgumentException if the delay is negative, longer than 24 hours or not whole seconds
	 */
	public static Duration checkDelay(Duration delay, String what) {
		Objects.requireNonNull(delay, () -> what + " must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException(what + " must not be negative, got " + delay);
		}
		if (delay.getNano() != 0) {
			throw new IllegalArgumentException(what + " must be whole seconds (Cloudflare takes delay_seconds as "
					+ "an integer; it is not rounded), got " + delay);
		}
		if (delay.compareTo(MAX_DELAY) > 0) {
			throw new IllegalArgumentException(
					what + " must be at most " + MAX_DELAY.toSeconds() + " seconds (24 hours), got " + delay);
		}
		return delay;
	}

	/**
	 * The body: a {@code String} for text and pre-serialized JSON, otherwise the object to serialize.
	 * @return the body
	 */
	public Object body() {
		return this.body;
	}

	/**
	 * The content type, or {@code null} to use the queue's configured one.
	 * @return the content type
	 */
	public @Nullable MessageContentType contentType() {
		return this.contentType;
	}

	/**
	 * Whether the body is JSON text to send as-is.
	 * @return {@code true} for {@link #jsonText(String)} messages
	 */
	public boolean isPreSerialized() {
		return this.preSerialized;
	}

	/**
	 * The delivery delay, or {@code null} to use the queue's configured one.
	 * @return the delay
	 */
	public @Nullable Duration delay() {
		return this.delay;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof QueueMessage that) && this.body.equals(that.body)
				&& this.contentType == that.contentType && this.preSerialized == that.preSerialized
				&& Objects.equals(this.delay, that.delay);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.body, this.contentType, this.preSerialized, this.delay);
	}

	@Override
	public String toString() {
		return "QueueMessage[contentType=" + ((this.contentType != null) ? this.contentType.wireName() : "queue default")
				+ ", delay=" + this.delay + ", body=" + this.body.getClass().getSimpleName() + "]";
	}

}
