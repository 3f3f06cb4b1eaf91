package io.github.cfqueues.client.internal.observe;

import io.github.cfqueues.client.observation.QueueListenerObservationConvention;
import io.github.cfqueues.client.observation.QueueOperationObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where observations go and the conventions that name them; {@code null} conventions mean the defaults (or a global
 * convention registered with the registry).
 *
 * @param registry the registry
 * @param operationConvention the convention of requests, or {@code null}
 * @param listenerConvention the convention of a listener's handling, or {@code null}
 */
public record ObservationSettings(ObservationRegistry registry,
		@Nullable QueueOperationObservationConvention operationConvention,
		@Nullable QueueListenerObservationConvention listenerConvention) {

	/**
	 * The settings for a registry, or {@code null} when it observes nothing.
	 * @param registry the registry, or {@code null}
	 * @param operationConvention the convention of requests, or {@code null}
	 * @param listenerConvention the convention of a listener's handling, or {@code null}
	 * @return the settings, or {@code null}
	 */
	public static @Nullable ObservationSettings of(@Nullable ObservationRegistry registry,
			@Nullable QueueOperationObservationConvention operationConvention,
			@Nullable QueueListenerObservationConvention listenerConvention) {
		return (registry != null && !registry.isNoop())
				? new ObservationSettings(registry, operationConvention, listenerConvention) : null;
	}

}
