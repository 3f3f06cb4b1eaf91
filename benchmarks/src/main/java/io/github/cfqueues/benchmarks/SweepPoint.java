package io.github.cfqueues.benchmarks;

/**
 * One point of the {@link ConcurrencySweep}.
 *
 * @param series which publishing path
 * @param outstanding messages outstanding at once (for {@code pushBatch}: calls times 100)
 * @param messagesPerSecond throughput
 * @param p50Millis median latency of an operation (a push, or a {@code pushBatch} call)
 * @param messagesPerRequest messages the server received per request
 */
record SweepPoint(String series, int outstanding, double messagesPerSecond, double p50Millis,
		double messagesPerRequest) {
}
