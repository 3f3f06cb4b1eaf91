package io.github.cfqueues.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the observation of a listener handling a message. Implement it, or extend
 * {@link DefaultQueueListenerObservationConvention}, to change the name or the keys.
 */
public interface QueueListenerObservationConvention extends ObservationConvention<QueueListenerContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof QueueListenerContext;
	}

}
