package io.github.cfqueues.benchmarks;

/**
 * One measured round of a {@link Scenario}.
 *
 * @param load what the load generator saw
 * @param usage what the client used
 * @param requests requests the server received
 * @param messages messages the server received
 */
record Round(LoadResult load, ResourceMeter.Usage usage, long requests, long messages) {

	double messagesPerSecond() {
		return this.load.started() / this.load.seconds();
	}

}
