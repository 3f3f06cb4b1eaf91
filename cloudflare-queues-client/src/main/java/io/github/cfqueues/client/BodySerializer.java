package io.github.cfqueues.client;

/**
 * Serializes a message body to JSON, once, straight to the UTF-8 bytes that are sent and measured. The
 * auto-configuration adapts the application's JSON mapper, so the application's modules and settings shape its
 * payloads (and only its payloads: never the API's envelope).
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

}
