package io.github.cfqueues.client.internal.api;

import java.time.Instant;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMetrics;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the answer to a successful push in one streaming pass, without building a tree: the {@code success} flag and
 * {@code result.metadata.metrics}, everything else skipped. It reads only the plain, well-formed answers Cloudflare
 * sends; anything else (not a JSON object, {@code success: false}, a figure that is not a whole number, a repeated
 * field, trailing content) is left to the general reading of the envelope, which then decides as it always has.
 */
final class PushAnswerReader {

	private static final JsonFactory JSON = new JsonFactory();

	private PushAnswerReader() {
	}

	/**
	 * Reads a 2xx answer's body.
	 * @param body the body, not empty
	 * @return the response, or {@code null} to leave the answer to the general reading
	 */
	static @Nullable MessagePushResponse read(byte[] body) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			boolean seenSuccess = false;
			boolean seenResult = false;
			QueueMetrics metrics = QueueMetrics.none();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				if (name.equals("success")) {
					if (seenSuccess || value == JsonToken.VALUE_FALSE) {
						return null;
					}
					seenSuccess = true;
				}
				else if (name.equals("result")) {
					if (seenResult) {
						return null;
					}
					seenResult = true;
					if (value == JsonToken.START_OBJECT) {
						metrics = result(parser);
						if (metrics == null) {
							return null;
						}
					}
				}
				parser.skipChildren();
			}
			if (parser.nextToken() != null) {
				return null;
			}
			return MessagePushResponse.of(metrics);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Reads {@code result} up to its end, the parser on its start.
	 */
	private static @Nullable QueueMetrics result(JsonParser parser) {
		QueueMetrics metrics = QueueMetrics.none();
		boolean seen = false;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			if (name.equals("metadata")) {
				if (seen) {
					return null;
				}
				seen = true;
				if (value == JsonToken.START_OBJECT) {
					metrics = metadata(parser);
					if (metrics == null) {
						return null;
					}
				}
			}
			parser.skipChildren();
		}
		return metrics;
	}

	/**
	 * Reads {@code metadata} up to its end, the parser on its start.
	 */
	private static @Nullable QueueMetrics metadata(JsonParser parser) {
		QueueMetrics metrics = QueueMetrics.none();
		boolean seen = false;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			if (name.equals("metrics")) {
				if (seen) {
					return null;
				}
				seen = true;
				if (value == JsonToken.START_OBJECT) {
					metrics = metrics(parser);
					if (metrics == null) {
						return null;
					}
				}
			}
			parser.skipChildren();
		}
		return metrics;
	}

	/**
	 * Reads {@code metrics} up to its end, the parser on its start.
	 */
	private static @Nullable QueueMetrics metrics(JsonParser parser) {
		Long count = null;
		Long bytes = null;
		Long oldest = null;
		boolean seenCount = false;
		boolean seenBytes = false;
		boolean seenOldest = false;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "backlog_count" -> {
					if (seenCount || !isWholeOrNull(parser, value)) {
						return null;
					}
					seenCount = true;
					count = whole(parser, value);
				}
				case "backlog_bytes" -> {
					if (seenBytes || !isWholeOrNull(parser, value)) {
						return null;
					}
					seenBytes = true;
					bytes = whole(parser, value);
				}
				case "oldest_message_timestamp_ms" -> {
					if (seenOldest || !isWholeOrNull(parser, value)) {
						return null;
					}
					seenOldest = true;
					oldest = whole(parser, value);
				}
				default -> parser.skipChildren();
			}
		}
		return new QueueMetrics(count, bytes, (oldest == null || oldest <= 0) ? null : Instant.ofEpochMilli(oldest));
	}

	private static boolean isWholeOrNull(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_NULL) {
			return true;
		}
		if (value != JsonToken.VALUE_NUMBER_INT) {
			return false;
		}
		JsonParser.NumberType type = parser.getNumberType();
		return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
	}

	private static @Nullable Long whole(JsonParser parser, JsonToken value) {
		return (value == JsonToken.VALUE_NULL) ? null : parser.getLongValue();
	}

}
