package io.github.cfqueues.client.internal.ratelimit;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The permits a process gave itself while the shared store was unreachable, within the last window: once the store
 * answers again, the process adds them to the shared schedule, so that the window they fall in holds no more than
 * the limit. Thread safe.
 */
final class FallbackUse {

	private final long windowNanos;

	private final ArrayDeque<Long> times = new ArrayDeque<>();

	FallbackUse(long windowNanos) {
		this.windowNanos = windowNanos;
	}

	/**
	 * Records a permit.
	 * @param nanos when it went
	 */
	synchronized void record(long nanos) {
		forgetOlderThanAWindow(nanos);
		this.times.addLast(nanos);
	}

	/**
	 * Takes the permits of the last window, to add to the shared schedule.
	 * @param now the time
	 * @return their times; {@link #restore(List) restore} them if the store did not take them
	 */
	synchronized List<Long> take(long now) {
		forgetOlderThanAWindow(now);
		if (this.times.isEmpty()) {
			return List.of();
		}
		List<Long> taken = List.copyOf(this.times);
		this.times.clear();
		return taken;
	}

	private void forgetOlderThanAWindow(long now) {
		while (!this.times.isEmpty() && now - this.times.peekFirst() >= this.windowNanos) {
			this.times.pollFirst();
		}
	}

	/**
	 * Gives back permits taken for a store that then did not answer.
	 * @param taken what {@link #take(long)} returned
	 */
	synchronized void restore(List<Long> taken) {
		if (!taken.isEmpty()) {
			ArrayDeque<Long> merged = new ArrayDeque<>(taken);
			merged.addAll(this.times);
			this.times.clear();
			this.times.addAll(merged.stream().sorted().toList());
		}
	}

}
