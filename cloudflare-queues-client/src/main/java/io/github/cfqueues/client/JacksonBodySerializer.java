package io.github.cfqueues.client;

import java.lang.reflect.Type;
import java.util.Objects;

import io.github.cfqueues.client.internal.publish.PooledJsonWriter;
import tools.jackson.databind.ObjectMapper;

/**
 * Serializes and reads bodies with a Jackson mapper, normally the application's. Serializing gives the bytes
 * {@link ObjectMapper#writeValueAsBytes(Object)} gives, through generators it reuses from body to body.
 */
public final class JacksonBodySerializer implements BodySerializer {

	private final ObjectMapper mapper;

	private final PooledJsonWriter writer;

	public JacksonBodySerializer(ObjectMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
		this.writer = new PooledJsonWriter(mapper);
	}

	@Override
	public byte[] serialize(Object payload) {
		return this.writer.write(payload);
	}

	@Override
	public <T> T deserialize(byte[] json, Type type) {
		return this.mapper.readValue(json, this.mapper.constructType(type));
	}

}
