package io.github.cfqueues.benchmarks;

import java.util.function.LongFunction;

import reactor.core.publisher.Mono;

/**
 * One row to measure against the {@link SinkServer}.
 *
 * @param key which kind of scenario, see {@link ScenarioResult#key()}
 * @param name what the row says
 * @param concurrency operations outstanding at once
 * @param count operations measured, over all rounds
 * @param messagesPerOperation messages one operation carries: 1 for a push, {@value Workload#BATCH_SIZE} for a
 * batch push
 * @param operation one operation for the id of its first message (the others follow it)
 */
record Scenario(String key, String name, int concurrency, int count, int messagesPerOperation,
		LongFunction<Mono<?>> operation) {

	/**
	 * A scenario whose operations carry one message each.
	 * @param key which kind of scenario
	 * @param name what the row says
	 * @param concurrency operations outstanding at once
	 * @param count operations measured, over all rounds
	 * @param operation one operation for a message id
	 * @return the scenario
	 */
	static Scenario single(String key, String name, int concurrency, int count, LongFunction<Mono<?>> operation) {
		return new Scenario(key, name, concurrency, count, 1, operation);
	}

}
