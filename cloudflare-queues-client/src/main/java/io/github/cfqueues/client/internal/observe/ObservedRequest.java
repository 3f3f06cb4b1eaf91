package io.github.cfqueues.client.internal.observe;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

import io.github.cfqueues.client.observation.QueueOperationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.observability.DefaultSignalListener;
import reactor.core.observability.SignalListener;
import reactor.util.context.Context;

/**
 * Observes one subscription to a request: starts the observation when subscribed, makes it the parent of what runs
 * upstream (WebClient's HTTP observation takes its parent from the Reactor context), and stops it exactly once,
 * before the answer, the error or the cancellation goes on.
 *
 * @param <T> the answer type
 */
final class ObservedRequest<T> extends DefaultSignalListener<T> {

	private static final SignalListener<?> NOT_OBSERVED = new DefaultSignalListener<>() {
	};

	private final Observation observation;

	private final QueueOperationContext context;

	private final @Nullable ToIntFunction<? super T> counted;

	private final AtomicBoolean stopped = new AtomicBoolean();

	ObservedRequest(Observation observation, QueueOperationContext context,
			@Nullable ToIntFunction<? super T> counted) {
		this.observation = observation;
		this.context = context;
		this.counted = counted;
	}

	/**
	 * A listener that observes nothing, for an observation the registry turned off.
	 * @param <T> the answer type
	 * @return the listener
	 */
	@SuppressWarnings("unchecked")
	static <T> SignalListener<T> notObserved() {
		return (SignalListener<T>) NOT_OBSERVED;
	}

	@Override
	public void doFirst() {
		this.observation.start();
	}

	@Override
	public Context addToContext(Context originalContext) {
		return originalContext.put(ObservationThreadLocalAccessor.KEY, this.observation);
	}

	@Override
	public void doOnNext(T value) {
		if (this.counted != null && !this.stopped.get()) {
			this.context.setMessageCount(this.counted.applyAsInt(value));
		}
		stop(null, false);
	}

	@Override
	public void doOnComplete() {
		stop(null, false);
	}

	@Override
	public void doOnError(Throwable error) {
		stop(error, false);
	}

	@Override
	public void doOnCancel() {
		stop(null, true);
	}

	private void stop(@Nullable Throwable error, boolean cancelled) {
		if (this.stopped.compareAndSet(false, true)) {
			if (error != null) {
				this.observation.error(error);
			}
			this.context.setCancelled(cancelled);
			this.observation.stop();
		}
	}

}
