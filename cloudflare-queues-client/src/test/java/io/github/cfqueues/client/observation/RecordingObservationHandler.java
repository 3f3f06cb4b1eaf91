package io.github.cfqueues.client.observation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

/**
 * Records every observation's start and stop, counting both per context, so that a test can check that each
 * observation was stopped exactly once and read the key values it ended with.
 */
final class RecordingObservationHandler implements ObservationHandler<Observation.Context> {

	private final Map<Observation.Context, AtomicInteger> starts = new IdentityHashMap<>();

	private final Map<Observation.Context, AtomicInteger> stops = new IdentityHashMap<>();

	private final ConcurrentLinkedQueue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

	@Override
	public void onStart(Observation.Context context) {
		synchronized (this) {
			this.starts.computeIfAbsent(context, (started) -> new AtomicInteger()).incrementAndGet();
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		synchronized (this) {
			this.stops.computeIfAbsent(context, (ended) -> new AtomicInteger()).incrementAndGet();
		}
		this.stopped.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	/**
	 * The observations stopped so far with the given name, in the order they stopped.
	 * @param name the name
	 * @return their contexts
	 */
	List<Observation.Context> stopped(String name) {
		return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	/**
	 * Every observation stopped so far.
	 * @return their contexts
	 */
	List<Observation.Context> stopped() {
		return new ArrayList<>(this.stopped);
	}

	/**
	 * Observations started but not stopped, or started or stopped more than once, by name.
	 * @return a description of each, empty when every observation was started and stopped exactly once
	 */
	synchronized List<String> irregular() {
		List<String> irregular = new ArrayList<>();
		this.starts.forEach((context, count) -> {
			int stopCount = this.stops.getOrDefault(context, new AtomicInteger()).get();
			if (count.get() != 1 || stopCount != 1) {
				irregular.add(context.getName() + " started " + count + " and stopped " + stopCount + " times");
			}
		});
		this.stops.forEach((context, count) -> {
			if (!this.starts.containsKey(context)) {
				irregular.add(context.getName() + " stopped " + count + " times but never started");
			}
		});
		return irregular;
	}

	synchronized int startedCount() {
		return this.starts.size();
	}

	static Map<String, String> low(Observation.Context context) {
		return context.getLowCardinalityKeyValues()
			.stream()
			.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
	}

	static Map<String, String> high(Observation.Context context) {
		return context.getHighCardinalityKeyValues()
			.stream()
			.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
	}

	static Observation.@Nullable ContextView parent(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		return (parent != null) ? parent.getContextView() : null;
	}

	static boolean isParentOf(Observation.Context parent, Observation.Context child) {
		return Objects.equals(parent(child), parent);
	}

}
