package io.github.cfqueues.benchmarks.encoding;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.QueueLimits;
import io.github.cfqueues.client.QueueMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The encoding of the client before bodies were serialized straight to UTF-8 bytes (commit {@code 5c00cd3^},
 * {@code MessageEncoder} and {@code RequestBodyWriter}), reproduced as the baseline of {@link EncodingBenchmark}: each
 * body is serialized to a {@code String}, its UTF-8 length is counted in a separate pass for the size check, and the
 * request body is then written through a {@link JsonGenerator}, which encodes every body to UTF-8 again. Benchmark code
 * only: the client no longer works this way.
 */
final class LegacyEncoding {

	private final ObjectMapper mapper;

	private final JsonFactory factory = new JsonFactory();

	LegacyEncoding(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Encodes messages and writes the request body of a batch push, as the client did.
	 * @param messages the messages
	 * @return the request body
	 */
	byte[] batch(List<QueueMessage> messages) {
		List<Encoded> encoded = new ArrayList<>(messages.size());
		for (QueueMessage message : messages) {
			encoded.add(encode(message));
		}
		return write(encoded);
	}

	private Encoded encode(QueueMessage message) {
		MessageContentType contentType = (message.contentType() != null) ? message.contentType()
				: MessageContentType.JSON;
		String body = (contentType == MessageContentType.TEXT) ? message.body().toString()
				: message.isPreSerialized() ? (String) message.body() : this.mapper.writeValueAsString(message.body());
		Duration delay = message.delay();
		Encoded encoded = new Encoded(contentType, body, (delay != null) ? delay.toSeconds() : null,
				utf8Length(body) + QueueLimits.MESSAGE_OVERHEAD_BYTES);
		if (encoded.size() > QueueLimits.MAX_MESSAGE_BYTES) {
			throw new IllegalArgumentException("Message of " + encoded.size() + " bytes is over the limit");
		}
		return encoded;
	}

	private byte[] write(List<Encoded> messages) {
		long size = 32;
		for (Encoded message : messages) {
			size += message.size() - QueueLimits.MESSAGE_OVERHEAD_BYTES + 64;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
		try (JsonGenerator generator = this.factory.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName("messages");
			generator.writeStartArray();
			for (Encoded message : messages) {
				generator.writeStartObject();
				generator.writeName("body");
				switch (message.contentType()) {
					case TEXT -> generator.writeString(message.body());
					case JSON -> generator.writeRawValue(message.body());
				}
				generator.writeStringProperty("content_type", message.contentType().wireName());
				if (message.delaySeconds() != null) {
					generator.writeNumberProperty("delay_seconds", message.delaySeconds());
				}
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	private static long utf8Length(String text) {
		long bytes = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	private record Encoded(MessageContentType contentType, String body, @Nullable Long delaySeconds, long size) {
	}

}
