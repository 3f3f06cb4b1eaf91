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
 * @param operation one operation for a message id
 */
record Scenario(String key, String name, int concurrency, int count, LongFunction<Mono<?>> operation) {
}
