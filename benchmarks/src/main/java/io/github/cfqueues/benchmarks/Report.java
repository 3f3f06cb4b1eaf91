package io.github.cfqueues.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The whole report: how it was measured, the table, and the targets.
 */
final class Report {

	private Report() {
	}

	static String markdown(List<ScenarioResult> rows, @Nullable RateLimitedResult rateLimited, String machine,
			String wireCheck, BenchmarkOptions options, Duration took) {
		StringBuilder report = new StringBuilder();
		report.append("# Benchmark results\n\n");
		report.append("- Date: ").append(LocalDate.now()).append("; the whole run took ").append(took.toSeconds())
			.append(" s\n");
		report.append("- Machine: ").append(machine).append('\n');
		report.append("- Command: `").append(BenchmarkMain.COMMAND).append('`');
		if (!options.isDefault()) {
			report.append(" with ").append(options);
		}
		report.append('\n');
		report.append("- Servers: scenarios 0–3 post to a Reactor Netty sink in the same JVM, on 2 event-loop "
				+ "threads of its own, answering every POST at once with a canned success envelope; scenario 4 posts "
				+ "to the emulator (JDK HttpServer, same JVM) enforcing the scaled account limit. Both on 127.0.0.1.\n");
		report.append("- Client stack: ").append(ClientStack.describe())
			.append(", shared by the raw baseline, the plain WebClient and every publisher. Publishers are wired as "
					+ "the auto-configuration wires them, with the default retry, flow control (10,000 messages, "
					+ "WAIT) and batching (100 messages, 256,000 bytes, 50 ms, 1 in flight) settings. Observation on: "
					+ "the WebClient records into an ObservationRegistry with a DefaultMeterObservationHandler over a "
					+ "SimpleMeterRegistry. Limiter on: the real AccountRateLimiter at 1,000,000,000 requests per "
					+ "5 min, which never holds a request back.\n");
		report.append("- Wire check: ").append(wireCheck).append('\n');
		report.append("- Message: `{\"id\":<unique>,\"event\":\"order.placed\",\"amountCents\":4200}`, "
				+ "pushed as `QueueMessage.json(record)`; the baseline and the plain WebClient post the same request "
				+ "bytes, built without a JSON library.\n");
		report.append("- Method: every path warms up first (JIT), then scenarios 0–3 run in ")
			.append(SinkScenarios.ROUNDS)
			.append(" interleaved rounds after a GC each; msg/s is the median round's (all rounds in the notes), "
					+ "latencies and per-message figures cover all rounds. c = operations outstanding at once: "
					+ "each answer starts the next push. Latency: per message, from subscription to answer. Client "
					+ "CPU and alloc: CPU time and bytes allocated by the client's Java threads (ThreadMXBean; the "
					+ "servers' threads, GC and JIT left out), per message. Peak heap: the heap pools' peaks summed, "
					+ "reset after the GC. × baseline: msg/s over the raw baseline's at the same concurrency "
					+ "(c=1000 rows: over the c=64 baseline). Scenario 4: msg/s answered within the duration; "
					+ "requests received within it.\n\n");
		report.append(ResultTable.markdown(rows)).append('\n');
		List<String> targets = Targets.evaluate(rows, rateLimited);
		if (!targets.isEmpty()) {
			report.append("Targets (reported, not asserted):\n\n");
			targets.forEach((line) -> report.append(line).append('\n'));
		}
		return report.toString();
	}

}
