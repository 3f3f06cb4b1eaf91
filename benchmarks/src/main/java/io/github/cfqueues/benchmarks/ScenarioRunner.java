package io.github.cfqueues.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

/**
 * Measures {@link Scenario scenarios} against the {@link SinkServer}, each round after a garbage collection with the
 * server's counters zeroed, and combines a scenario's rounds into its row. Message ids are unique across the run.
 */
final class ScenarioRunner {

	private final SinkServer sink;

	private final ResourceMeter meter;

	private long nextId = 1;

	ScenarioRunner(SinkServer sink, ResourceMeter meter) {
		this.sink = sink;
		this.meter = meter;
	}

	/**
	 * Runs operations unmeasured, to let the JIT compile the paths every scenario shares before any is measured.
	 * @param label what warms up
	 * @param concurrency operations outstanding at once
	 * @param count operations
	 * @param operation one operation for a message id
	 */
	void warmUp(String label, int concurrency, int count, LongFunction<Mono<?>> operation) {
		warmUp(label, concurrency, count, 1, operation);
	}

	/**
	 * Runs operations of several messages each unmeasured.
	 * @param label what warms up
	 * @param concurrency operations outstanding at once
	 * @param count operations
	 * @param messagesPerOperation messages per operation
	 * @param operation one operation for the id of its first message
	 */
	void warmUp(String label, int concurrency, int count, int messagesPerOperation,
			LongFunction<Mono<?>> operation) {
		System.out.printf("  warm-up  %-60s c=%-5d %,d ...%n", label, concurrency, count);
		failIfAnyFailed(label + " (warm-up)", new LoadRun(count).execute(operation,
				take((long) count * messagesPerOperation), messagesPerOperation, concurrency));
	}

	/**
	 * Measures one round of a scenario.
	 * @param scenario the scenario
	 * @param count operations in this round
	 * @return the round
	 */
	Round measure(Scenario scenario, int count) {
		LoadRun run = new LoadRun(count);
		int perOperation = scenario.messagesPerOperation();
		long firstId = take((long) count * perOperation);
		this.sink.resetCounters();
		ResourceMeter.Measurement measurement = this.meter.start();
		LoadResult result = run.execute(scenario.operation(), firstId, perOperation, scenario.concurrency());
		ResourceMeter.Usage usage = measurement.stop();
		failIfAnyFailed(scenario.name(), result);
		Round round = new Round(result, perOperation, usage, this.sink.requests(), this.sink.messages());
		System.out.printf(Locale.ROOT, "  %-69s c=%-5d %,9.0f msg/s, %5.1f µs CPU, %,6.0f B per message%n",
				scenario.name(), scenario.concurrency(), round.messagesPerSecond(),
				usage.cpuNanos() / 1e3 / round.offered(), (double) usage.allocatedBytes() / round.offered());
		return round;
	}

	/**
	 * Combines a scenario's rounds: the median round's throughput, latencies over all operations, and resources per
	 * message over all rounds. When the server received nothing (the harness alone), the messages are the operations.
	 * @param scenario the scenario
	 * @param rounds its rounds
	 * @return the row
	 */
	static ScenarioResult combine(Scenario scenario, List<Round> rounds) {
		long operations = rounds.stream().mapToLong(Round::offered).sum();
		long requests = rounds.stream().mapToLong(Round::requests).sum();
		long messages = (requests > 0) ? rounds.stream().mapToLong(Round::messages).sum() : operations;
		double[] throughputs = rounds.stream().mapToDouble(Round::messagesPerSecond).sorted().toArray();
		double median = throughputs[throughputs.length / 2];
		long[] latencies = rounds.stream()
			.flatMapToLong((round) -> Arrays.stream(round.load().sortedLatencies()))
			.sorted()
			.toArray();
		long cpu = rounds.stream().mapToLong((round) -> round.usage().cpuNanos()).sum();
		long allocated = rounds.stream().mapToLong((round) -> round.usage().allocatedBytes()).sum();
		long peakHeap = rounds.stream().mapToLong((round) -> round.usage().peakHeapBytes()).max().orElse(0);
		String spread = (rounds.size() > 1) ? rounds.stream()
			.map((round) -> String.format(Locale.ROOT, "%,.0f", round.messagesPerSecond()))
			.collect(Collectors.joining(" / ", "rounds ", " msg/s")) : "";
		String notes = (requests == 0 || messages == operations) ? spread
				: "server counted " + messages + " messages for " + operations + " pushed; " + spread;
		return new ScenarioResult(scenario.key(), scenario.name(), scenario.concurrency(), messages, requests, median,
				null, Latencies.percentileMillis(latencies, 50),
				Latencies.percentileMillis(latencies, 99), cpu / 1e3 / operations,
				(double) allocated / operations, peakHeap, notes);
	}

	private long take(long count) {
		long first = this.nextId;
		this.nextId += count;
		return first;
	}

	private static void failIfAnyFailed(String scenario, LoadResult result) {
		if (result.failures() > 0) {
			throw new IllegalStateException(scenario + ": " + result.failures() + " operations failed",
					result.firstFailure());
		}
	}

}
