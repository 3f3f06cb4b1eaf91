package io.github.cfqueues.client;

import java.util.Objects;

import io.github.cfqueues.client.internal.publish.PooledJsonWriter;
import tools.jackson.databind.ObjectMapper;

/**
 * Serializes bodies with a Jackson mapper, normally the application's, to the bytes
 * {@link ObjectMapper#writeValueAsBytes(Object)} gives, through generators it reuses from body to body.
 */
public final class JacksonBodySerializer implements BodySerializer {

	private final PooledJsonWriter writer;

	public JacksonBodySerializer(ObjectMapper mapper) {
		this.writer = new PooledJsonWriter(Objects.requireNonNull(mapper, "mapper must not be null"));
	}

	@Override
	public byte[] serialize(Object payload) {
		return this.writer.write(payload);
	}

}
