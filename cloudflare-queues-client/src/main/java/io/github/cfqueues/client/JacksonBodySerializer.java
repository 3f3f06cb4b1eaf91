package io.github.cfqueues.client;

import java.lang.reflect.Type;
import java.util.Objects;

import tools.jackson.databind.ObjectMapper;

/**
 * Serializes and reads bodies with a Jackson mapper, normally the application's.
 */
public final class JacksonBodySerializer implements BodySerializer {

	private final ObjectMapper mapper;

	public JacksonBodySerializer(ObjectMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
	}

	@Override
	public byte[] serialize(Object payload) {
		return this.mapper.writeValueAsBytes(payload);
	}

	@Override
	public <T> T deserialize(byte[] json, Type type) {
		return this.mapper.readValue(json, this.mapper.constructType(type));
	}

}
