package io.github.cfqueues.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The most events in any window of a given length, counted as the emulator counts: a window ending at an event
 * holds the events after {@code event - window}, up to and including it.
 */
final class SlidingWindow {

	private SlidingWindow() {
	}

	static int maxInAnyWindow(List<Instant> times, Duration window) {
		List<Instant> sorted = times.stream().sorted().toList();
		int max = 0;
		int first = 0;
		for (int last = 0; last < sorted.size(); last++) {
			Instant windowStart = sorted.get(last).minus(window);
			while (!sorted.get(first).isAfter(windowStart)) {
				first++;
			}
			max = Math.max(max, last - first + 1);
		}
		return max;
	}

}
