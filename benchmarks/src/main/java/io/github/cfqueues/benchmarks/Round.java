package io.github.cfqueues.benchmarks;

/**
 * One measured round of a {@link Scenario}.
 *
 * @param load what the load generator saw
 * @param messagesPerOperation messages one operation carries
 * @param usage what the client used
 * @param requests requests the server received
 * @param messages messages the server received
 */
record Round(LoadResult load, int messagesPerOperation, ResourceMeter.Usage usage, long requests, long messages) {

	/**
	 * The messages the operations carried.
	 * @return operations times messages per operation
	 */
	long offered() {
		return (long) this.load.started() * this.messagesPerOperation;
	}

	double messagesPerSecond() {
		return offered() / this.load.seconds();
	}

}
