package io.github.cfqueues.benchmarks;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link LoadRun} observed. Arrays are indexed by operation; an operation that did not complete has zeros.
 *
 * @param started how many operations started
 * @param startNanos when the run started, by {@link System#nanoTime()}
 * @param elapsedNanos from the start until the last operation finished
 * @param latencies each operation's latency in nanoseconds
 * @param completedAt when each operation completed, by {@link System#nanoTime()}
 * @param failures how many operations failed
 * @param firstFailure the first failure, if any
 */
record LoadResult(int started, long startNanos, long elapsedNanos, long[] latencies, long[] completedAt,
		long failures, @Nullable Throwable firstFailure) {

	double seconds() {
		return this.elapsedNanos / 1e9;
	}

	/**
	 * How many operations completed successfully within a time from the start.
	 * @param nanos the time
	 * @return the count
	 */
	long completedWithin(long nanos) {
		long limit = this.startNanos + nanos;
		long count = 0;
		for (int i = 0; i < this.started; i++) {
			if (this.completedAt[i] != 0 && this.completedAt[i] <= limit) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The latencies of the operations that succeeded, ascending.
	 * @return nanoseconds
	 */
	long[] sortedLatencies() {
		return Arrays.stream(this.latencies, 0, this.started).filter((latency) -> latency > 0).sorted().toArray();
	}

}
