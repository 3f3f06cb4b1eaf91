package io.github.cfqueues.client;

import java.lang.reflect.Type;

/**
 * Serializes a message body to JSON, once, straight to the UTF-8 bytes that are sent and measured, and reads a
 * received body back. The auto-configuration adapts the application's JSON mapper, so the application's modules and
 * settings shape its payloads (and only its payloads: never the API's envelope).
 */
@FunctionalInterface
public interface BodySerializer {

	/**
	 * Serializes a payload.
	 * @param payload the payload
	 * @return exactly one JSON value, as UTF-8 bytes; the caller never modifies them
	 * @throws RuntimeException if the payload cannot be serialized
	 */
	byte[] serialize(Object payload);

	/**
	 * Reads a received JSON body as a type.
	 * @param json the JSON text's UTF-8 bytes
	 * @param type the type
	 * @param <T> the type
	 * @return the value
	 * @throws RuntimeException if the body cannot be read as that type
	 */
	default <T> T deserialize(byte[] json, Type type) {
		throw new UnsupportedOperationException(getClass().getName() + " cannot read received bodies; override "
				+ "deserialize(byte[], Type), or use JacksonBodySerializer");
	}

}
