package io.github.cfqueues.client.internal.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueLimits;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.InvalidMessageException;
import io.github.cfqueues.client.internal.api.EncodedMessage;
import io.github.cfqueues.client.internal.api.Utf8Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns a {@link QueueMessage} into what goes on the wire for one queue: applies the queue's default content type
 * and delay, serializes the body once to UTF-8 bytes, and checks the message against Cloudflare's per-message limit.
 * Every problem is an {@link InvalidMessageException} naming the message's index; nothing else escapes.
 */
public final class MessageEncoder {

	private static final JsonFactory JSON = new JsonFactory();

	private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

	private final QueueEndpoint endpoint;

	private final QueuePublisherOptions options;

	private final BodySerializer serializer;

	public MessageEncoder(QueueEndpoint endpoint, QueuePublisherOptions options, BodySerializer serializer) {
		this.endpoint = endpoint;
		this.options = options;
		this.serializer = serializer;
	}

	/**
	 * Encodes a message.
	 * @param message the message
	 * @param index its index in a batch, {@code 0} for a single push
	 * @param operation the operation, for the error
	 * @return the encoded message
	 * @throws InvalidMessageException if the message cannot be sent as it is
	 */
	public EncodedMessage encode(QueueMessage message, int index, String operation) {
		MessageContentType contentType = (message.contentType() != null) ? message.contentType()
				: this.options.contentType();
		Duration delay = (message.delay() != null) ? message.delay() : this.options.delay();
		Long delaySeconds = (delay != null) ? delay.toSeconds() : null;
		EncodedMessage encoded = (contentType == MessageContentType.TEXT)
				? text(message.body(), delaySeconds, index, operation)
				: json(message, delaySeconds, index, operation);
		if (encoded.size() > QueueLimits.MAX_MESSAGE_BYTES) {
			throw invalid(index, operation, QueueLimits.MAX_MESSAGE_BYTES, encoded.size(),
					"is " + encoded.size() + " bytes (" + (encoded.size() - QueueLimits.MESSAGE_OVERHEAD_BYTES)
							+ " of body + " + QueueLimits.MESSAGE_OVERHEAD_BYTES
							+ " of Cloudflare metadata), over the limit of " + QueueLimits.MAX_MESSAGE_BYTES
							+ " bytes per message",
					null);
		}
		return encoded;
	}

	private EncodedMessage text(Object body, @Nullable Long delaySeconds, int index, String operation) {
		if (!(body instanceof CharSequence text)) {
			throw invalid(index, operation, -1, -1, "has a " + body.getClass().getName()
					+ " body, but is sent as text (the queue's content-type); use QueueMessage.json(...)", null);
		}
		long length = Utf8Text.length(text);
		if (length < 0) {
			throw unpairedSurrogate(index, operation, text.charAt((int) (-1 - length)),
					"at character " + (-1 - length) + " of its text");
		}
		byte[] escaped = STRINGS.quoteAsUTF8(text);
		byte[] quoted = new byte[escaped.length + 2];
		quoted[0] = '"';
		System.arraycopy(escaped, 0, quoted, 1, escaped.length);
		quoted[quoted.length - 1] = '"';
		return new EncodedMessage(MessageContentType.TEXT, quoted, delaySeconds,
				length + QueueLimits.MESSAGE_OVERHEAD_BYTES);
	}

	private EncodedMessage json(QueueMessage message, @Nullable Long delaySeconds, int index, String operation) {
		byte[] json = message.isPreSerialized() ? preSerialized((String) message.body(), index, operation)
				: serialized(message.body(), index, operation);
		return new EncodedMessage(MessageContentType.JSON, json, delaySeconds,
				json.length + QueueLimits.MESSAGE_OVERHEAD_BYTES);
	}

	private byte[] preSerialized(String json, int index, String operation) {
		long length = Utf8Text.length(json);
		if (length < 0) {
			throw unpairedSurrogate(index, operation, json.charAt((int) (-1 - length)),
					"at character " + (-1 - length) + " of its JSON text");
		}
		checkSingleJsonValue(json, index, operation);
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] serialized(Object body, int index, String operation) {
		byte[] json;
		try {
			json = this.serializer.serialize(body);
		}
		catch (RuntimeException ex) {
			throw invalid(index, operation, -1, -1,
					"could not be serialized to JSON (" + body.getClass().getName() + "): " + ex.getMessage(), ex);
		}
		int problem = Utf8Text.problemIn(json);
		if (problem >= 0) {
			throw invalid(index, operation, -1, -1, "was serialized (" + body.getClass().getName()
					+ ") to JSON that is not valid Unicode at byte " + problem + ": an unpaired UTF-16 surrogate "
					+ "(a string cut in the middle of a character, such as an emoji?) or bytes that are not UTF-8",
					null);
		}
		return json;
	}

	private void checkSingleJsonValue(String json, int index, String operation) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			if (parser.nextToken() == null) {
				throw invalid(index, operation, -1, -1, "has empty JSON text", null);
			}
			parser.skipChildren();
			if (parser.nextToken() != null) {
				throw invalid(index, operation, -1, -1, "has JSON text with more than one value", null);
			}
		}
		catch (JacksonException ex) {
			throw invalid(index, operation, -1, -1, "has malformed JSON text: " + ex.getOriginalMessage(), ex);
		}
	}

	private InvalidMessageException unpairedSurrogate(int index, String operation, char surrogate, String where) {
		return invalid(index, operation, -1, -1, "holds an unpaired UTF-16 surrogate (U+"
				+ Integer.toHexString(surrogate).toUpperCase() + ") " + where
				+ ", which has no UTF-8 form (a string cut in the middle of a character, such as an emoji?)", null);
	}

	private InvalidMessageException invalid(int index, String operation, long limit, long actual, String problem,
			@Nullable Throwable cause) {
		FailureDetails details = FailureDetails.noResponse(operation, this.endpoint.name(), this.endpoint.queueId());
		return new InvalidMessageException("Message " + index + " " + problem + "; nothing was sent", details, index,
				limit, actual, cause);
	}

}
