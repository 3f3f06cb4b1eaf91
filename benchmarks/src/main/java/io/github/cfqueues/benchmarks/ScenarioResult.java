package io.github.cfqueues.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One row of the table.
 *
 * @param key which kind of scenario, for the targets: harness, baseline, push-off, push-on, batching-off,
 * batching-on, rate-limited
 * @param scenario what ran
 * @param concurrency operations outstanding at once
 * @param messages messages answered in the measured phase
 * @param requests requests the server received in the measured phase
 * @param messagesPerSecond throughput
 * @param baselineMessagesPerSecond the baseline's throughput this row is compared with, or {@code null}
 * @param p50Millis median latency, subscription to answer
 * @param p99Millis 99th percentile latency
 * @param cpuMicrosPerMessage CPU time of client threads per message, in microseconds
 * @param allocatedBytesPerMessage bytes allocated by client threads per message
 * @param peakHeapBytes the heap's peak during the measured phase
 * @param notes anything else worth a reader's attention
 */
record ScenarioResult(String key, String scenario, int concurrency, long messages, long requests,
		double messagesPerSecond, @Nullable Double baselineMessagesPerSecond, double p50Millis, double p99Millis,
		double cpuMicrosPerMessage, double allocatedBytesPerMessage, long peakHeapBytes, String notes) {

	/**
	 * This row compared with another baseline.
	 * @param baseline the baseline's throughput
	 * @return the row
	 */
	ScenarioResult withBaseline(double baseline) {
		return new ScenarioResult(this.key, this.scenario, this.concurrency, this.messages, this.requests,
				this.messagesPerSecond, baseline, this.p50Millis, this.p99Millis, this.cpuMicrosPerMessage,
				this.allocatedBytesPerMessage, this.peakHeapBytes, this.notes);
	}

	/**
	 * This row with other notes.
	 * @param notes the notes
	 * @return the row
	 */
	ScenarioResult withNotes(String notes) {
		return new ScenarioResult(this.key, this.scenario, this.concurrency, this.messages, this.requests,
				this.messagesPerSecond, this.baselineMessagesPerSecond, this.p50Millis, this.p99Millis,
				this.cpuMicrosPerMessage, this.allocatedBytesPerMessage, this.peakHeapBytes, notes);
	}

	/**
	 * Throughput relative to the baseline of the same run.
	 * @return the ratio, or {@code null} when the row has no baseline
	 */
	@Nullable Double ratioToBaseline() {
		return (this.baselineMessagesPerSecond != null) ? this.messagesPerSecond / this.baselineMessagesPerSecond
				: null;
	}

	/**
	 * The fewest requests the messages could travel in: one per 100.
	 * @return {@code ceil(messages / 100)}
	 */
	long minimumRequests() {
		return (this.messages + 99) / 100;
	}

}
