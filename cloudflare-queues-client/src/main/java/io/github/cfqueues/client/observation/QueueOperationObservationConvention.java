package io.github.cfqueues.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the observation of each request to a queue. Implement it, or extend
 * {@link DefaultQueueOperationObservationConvention}, to change the name or the keys.
 */
public interface QueueOperationObservationConvention extends ObservationConvention<QueueOperationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof QueueOperationContext;
	}

}
