package io.github.cfqueues.client.internal.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.cfqueues.client.MessageContentType;

/**
 * Writes push request bodies. The envelope is fixed by the API and written byte by byte, whatever the application's
 * JSON settings; each message's body goes in as the bytes it was encoded to, once, with no further transcoding.
 * Public for the encoding benchmark; not an API.
 */
public final class RequestBodyWriter {

	private static final byte[] BODY = ascii("{\"body\":");

	private static final byte[] CONTENT_TYPE = ascii(",\"content_type\":\"");

	private static final byte[] DELAY = ascii("\",\"delay_seconds\":");

	private static final byte[] END_WITH_QUOTE = ascii("\"}");

	private static final byte[] TEXT = ascii(MessageContentType.TEXT.wireName());

	private static final byte[] JSON = ascii(MessageContentType.JSON.wireName());

	private static final byte[] BATCH_START = ascii("{\"messages\":[");

	private static final byte[] BATCH_END = ascii("]}");

	private RequestBodyWriter() {
	}

	/**
	 * The body of a single push.
	 * @param message the message
	 * @return the request body
	 */
	public static byte[] message(EncodedMessage message) {
		Sink sink = new Sink(length(message));
		write(sink, message);
		return sink.bytes;
	}

	/**
	 * The body of a batch push.
	 * @param messages the messages, in order
	 * @return the request body
	 */
	public static byte[] batch(List<EncodedMessage> messages) {
		int length = BATCH_START.length + BATCH_END.length + Math.max(0, messages.size() - 1);
		for (EncodedMessage message : messages) {
			length += length(message);
		}
		Sink sink = new Sink(length);
		sink.put(BATCH_START);
		for (int i = 0; i < messages.size(); i++) {
			if (i > 0) {
				sink.put((byte) ',');
			}
			write(sink, messages.get(i));
		}
		sink.put(BATCH_END);
		return sink.bytes;
	}

	private static int length(EncodedMessage message) {
		int length = BODY.length + message.body().length + CONTENT_TYPE.length + wireName(message).length
				+ END_WITH_QUOTE.length;
		if (message.delaySeconds() != null) {
			length += DELAY.length - 1 + digits(message.delaySeconds());
		}
		return length;
	}

	private static void write(Sink sink, EncodedMessage message) {
		sink.put(BODY);
		sink.put(message.body());
		sink.put(CONTENT_TYPE);
		sink.put(wireName(message));
		if (message.delaySeconds() != null) {
			sink.put(DELAY);
			sink.putDigits(message.delaySeconds());
			sink.put((byte) '}');
		}
		else {
			sink.put(END_WITH_QUOTE);
		}
	}

	private static byte[] wireName(EncodedMessage message) {
		return (message.contentType() == MessageContentType.TEXT) ? TEXT : JSON;
	}

	private static int digits(long value) {
		return Long.toString(value).length();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static final class Sink {

		private final byte[] bytes;

		private int position;

		Sink(int length) {
			this.bytes = new byte[length];
		}

		void put(byte[] part) {
			System.arraycopy(part, 0, this.bytes, this.position, part.length);
			this.position += part.length;
		}

		void put(byte b) {
			this.bytes[this.position++] = b;
		}

		void putDigits(long value) {
			String digits = Long.toString(value);
			for (int i = 0; i < digits.length(); i++) {
				put((byte) digits.charAt(i));
			}
		}

	}

}
