package io.github.cfqueues.client.internal.api;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the client reads at run time that a native image must keep: the resource with its name and version, for the
 * {@code User-Agent} header. Nothing else is read reflectively: answers are read as JSON trees, and message bodies
 * are serialized by the application's own mapper.
 */
public final class ClientRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(ClientInfo.RESOURCE);
	}

}
