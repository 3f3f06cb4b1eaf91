package io.github.cfqueues.benchmarks;

/**
 * Percentiles of latencies.
 */
final class Latencies {

	private Latencies() {
	}

	/**
	 * A percentile, by the nearest-rank method.
	 * @param sorted latencies in nanoseconds, ascending
	 * @param percentile from 0 to 100
	 * @return the latency in milliseconds, or NaN when there is none
	 */
	static double percentileMillis(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

}
