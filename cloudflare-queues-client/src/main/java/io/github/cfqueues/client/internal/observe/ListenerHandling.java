package io.github.cfqueues.client.internal.observe;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A listener's handling of one message, or one batch, while it runs: its observation (if any) is current while the
 * handler method runs and in the Reactor context of what it returns, and {@link #stop(Throwable)} ends it and
 * records its duration, once.
 */
public final class ListenerHandling {

	private final @Nullable Observation observation;

	private final MetricsRecorder recorder;

	private final String queueName;

	private final String listenerId;

	private final long startedAt = System.nanoTime();

	private final AtomicBoolean stopped = new AtomicBoolean();

	ListenerHandling(@Nullable Observation observation, MetricsRecorder recorder, String queueName,
			String listenerId) {
		this.observation = observation;
		this.recorder = recorder;
		this.queueName = queueName;
		this.listenerId = listenerId;
		if (observation != null) {
			observation.start();
		}
	}

	/**
	 * Makes the observation current on this thread, for the synchronous part of the handler.
	 * @return closes the scope; does nothing without an observation
	 */
	public Observation.Scope openScope() {
		return (this.observation != null) ? this.observation.openScope() : Observation.Scope.NOOP;
	}

	/**
	 * Puts the observation into the Reactor context of what the handler returned, so that requests it makes nest
	 * under it.
	 * @param handled what the handler returned
	 * @return the same, with the observation as its parent
	 */
	public Mono<Void> contextWrite(Mono<Void> handled) {
		Observation current = this.observation;
		return (current != null) ? handled.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, current))
				: handled;
	}

	/**
	 * Ends the handling: stops the observation and records the duration, the first time only.
	 * @param error how it failed, or {@code null}
	 */
	public void stop(@Nullable Throwable error) {
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		if (this.observation != null) {
			if (error != null) {
				this.observation.error(error);
			}
			this.observation.stop();
		}
		this.recorder.handled(this.queueName, this.listenerId, System.nanoTime() - this.startedAt, error);
	}

}
