package io.github.cfqueues.client.api;

import java.io.ByteArrayOutputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes push request bodies. The envelope is fixed by the API and written field by field, whatever the
 * application's JSON settings; a json body goes in as the JSON text it was serialized to, once.
 */
final class RequestBodyWriter {

	private final JsonFactory factory;

	RequestBodyWriter(JsonFactory factory) {
		this.factory = factory;
	}

	byte[] message(EncodedMessage message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) message.size() + 64);
		try (JsonGenerator generator = this.factory.createGenerator(out)) {
			writeMessage(generator, message);
		}
		return out.toByteArray();
	}

	byte[] batch(List<EncodedMessage> messages) {
		long size = 32;
		for (EncodedMessage message : messages) {
			size += message.size() - QueueLimits.MESSAGE_OVERHEAD_BYTES + 64;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
		try (JsonGenerator generator = this.factory.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName("messages");
			generator.writeStartArray();
			for (EncodedMessage message : messages) {
				writeMessage(generator, message);
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	private void writeMessage(JsonGenerator generator, EncodedMessage message) {
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

}
