package io.github.cfqueues.client;

/**
 * Serializes a message body to JSON text. The auto-configuration adapts the application's JSON mapper, so the
 * application's modules and settings shape its payloads (and only its payloads: never the API's envelope).
 */
@FunctionalInterface
public interface BodySerializer {

	/**
	 * Serializes a payload.
	 * @param payload the payload
	 * @return its JSON text
	 * @throws RuntimeException if the payload cannot be serialized
	 */
	String toJson(Object payload);

}
