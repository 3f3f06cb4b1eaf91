package io.github.cfqueues.client.publish;

import java.time.Duration;

import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.api.EncodedMessage;
import io.github.cfqueues.client.api.QueueLimits;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.InvalidMessageException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns a {@link QueueMessage} into what goes on the wire for one queue: applies the queue's default content type
 * and delay, serializes the body once, and checks the message against Cloudflare's per-message limit.
 */
public final class MessageEncoder {

	private static final JsonFactory JSON = new JsonFactory();

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
		String body = body(message, contentType, index, operation);
		Duration delay = (message.delay() != null) ? message.delay() : this.options.delay();
		EncodedMessage encoded = EncodedMessage.of(contentType, body, (delay != null) ? delay.toSeconds() : null);
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

	private String body(QueueMessage message, MessageContentType contentType, int index, String operation) {
		Object body = message.body();
		if (contentType == MessageContentType.TEXT) {
			if (!(body instanceof CharSequence text)) {
				throw invalid(index, operation, -1, -1, "has a " + body.getClass().getName()
						+ " body, but is sent as text (the queue's content-type); use QueueMessage.json(...)", null);
			}
			return text.toString();
		}
		if (message.isPreSerialized()) {
			String json = (String) body;
			checkSingleJsonValue(json, index, operation);
			return json;
		}
		try {
			return this.serializer.toJson(body);
		}
		catch (RuntimeException ex) {
			throw invalid(index, operation, -1, -1,
					"could not be serialized to JSON (" + body.getClass().getName() + "): " + ex.getMessage(), ex);
		}
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

	private InvalidMessageException invalid(int index, String operation, long limit, long actual, String problem,
			@Nullable Throwable cause) {
		FailureDetails details = FailureDetails.noResponse(operation, this.endpoint.name(), this.endpoint.queueId());
		return new InvalidMessageException("Message " + index + " " + problem + "; nothing was sent", details, index,
				limit, actual, cause);
	}

}
