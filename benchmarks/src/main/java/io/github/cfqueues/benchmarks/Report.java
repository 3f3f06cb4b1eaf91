package io.github.cfqueues.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.github.cfqueues.benchmarks.encoding.EncodingScenario.EncodingResult;
import org.jspecify.annotations.Nullable;

/**
 * One round's report (how it was measured, the table, the targets, the concurrency sweep and the encoding
 * benchmark), and the results file that keeps every round, newest first.
 */
final class Report {

	static final String TITLE = "# Benchmark results";

	private static final String PREAMBLE = TITLE + "\n\nEvery full run of the load harness (`benchmarks/`), newest "
			+ "first. Figures compare rows of the same run only; runs on different days or loads are not comparable "
			+ "with each other.\n\n";

	private Report() {
	}

	/**
	 * The results file with a new round on top of the rounds it held.
	 * @param existing the file's content so far, empty if none
	 * @param round the new round
	 * @return the new content
	 */
	static String withRound(String existing, String round) {
		String earlier = existing.startsWith(PREAMBLE) ? existing.substring(PREAMBLE.length()) : existing;
		return PREAMBLE + round + (earlier.isBlank() ? "" : "\n" + earlier);
	}

	static String markdown(BenchmarkMain.Results results) {
		BenchmarkOptions options = results.options;
		StringBuilder report = new StringBuilder();
		report.append("## Round of ").append(LocalDate.now()).append("\n\n");
		report.append("- Date: ").append(LocalDate.now()).append("; the whole run took ").append(results.took.toSeconds())
			.append(" s; load average at the start (1, 5, 15 min): ").append(results.loadAtStart).append('\n');
		report.append("- Machine: ").append(results.machine).append('\n');
		report.append("- Command: `").append(BenchmarkMain.COMMAND).append('`');
		if (!options.isDefault()) {
			report.append(" with ").append(options);
		}
		report.append('\n');
		report.append("- Servers: the table's rows 0–3 and the sweep post to a Reactor Netty sink in the same JVM, on 2 "
				+ "event-loop threads of its own, answering every POST at once with a canned success envelope; row 4 "
				+ "posts to the emulator (JDK HttpServer, same JVM) enforcing the scaled account limit. Both on "
				+ "127.0.0.1.\n");
		report.append("- Client stack: ").append(ClientStack.describe())
			.append(", shared by the raw baselines, the plain WebClient and every publisher. Publishers are built "
					+ "through `CloudflareQueuesClient.builder()` with the default retry, flow control (10,000 "
					+ "messages, WAIT) and batching (100 messages, 256,000 bytes, max-wait 0, 1 in flight) settings. "
					+ "Observation on: the WebClient records into an ObservationRegistry with a "
					+ "DefaultMeterObservationHandler over a SimpleMeterRegistry. Limiter on: the real "
					+ "AccountRateLimiter at 1,000,000,000 requests per 5 min, which never holds a request back.\n");
		report.append("- Wire check: ").append(results.wireCheck).append('\n');
		report.append("- Message: `{\"id\":<unique>,\"event\":\"order.placed\",\"amountCents\":4200}`, "
				+ "pushed as `QueueMessage.json(record)`; the baselines and the plain WebClient post the same request "
				+ "bytes, built without a JSON library. Batch rows carry 100 such messages per call.\n");
		report.append("- Method: every path warms up first (JIT), then the table's rows 0–3 run in ")
			.append(SinkScenarios.ROUNDS)
			.append(" interleaved rounds after a GC each; msg/s is the median round's (all rounds in the notes), "
					+ "latencies and per-message figures cover all rounds. c = operations outstanding at once (a "
					+ "push, or a call of 100 messages in the batch rows): each answer starts the next. Latency: per "
					+ "operation, from subscription to answer. Client CPU and alloc: CPU time and bytes allocated by "
					+ "the client's Java threads (ThreadMXBean; the servers' threads, GC and JIT left out), per "
					+ "message. Peak heap: the heap pools' peaks summed, reset after the GC. × baseline: msg/s over "
					+ "the raw baseline posting the same bytes at the same c (single pushes: row 1; batch rows: row "
					+ "1c; auto-batching at c=1000: row 1c at its highest c). Every comparison is between rows of "
					+ "this run. Row 4: msg/s answered within the duration; requests received within it.\n\n");
		report.append(ResultTable.markdown(results.rows)).append('\n');
		List<String> targets = Targets.evaluate(results.rows, results.rateLimited);
		if (!targets.isEmpty()) {
			report.append("Targets (reported, not asserted):\n\n");
			targets.forEach((line) -> report.append(line).append('\n'));
			report.append('\n');
		}
		if (!results.sweep.isEmpty()) {
			sweep(report, results.sweep, results.chart, options);
		}
		if (!results.encoding.isEmpty()) {
			encoding(report, results.encoding);
		}
		return report.toString();
	}

	private static void sweep(StringBuilder report, List<SweepPoint> points, @Nullable Path chart,
			BenchmarkOptions options) {
		report.append("### Concurrency sweep\n\n");
		report.append("One run of ").append(options.sweepPoint().toSeconds())
			.append(" s per point (after 1 s of warm-up per series) against the sink. Outstanding = messages "
					+ "outstanding at once (for pushBatch: calls × 100). p50 is per operation (a push, or a call of "
					+ "100).");
		if (chart != null) {
			report.append(" Chart: `").append(chart.getFileName()).append("`.");
		}
		report.append("\n\n| series | outstanding | msg/s | p50 ms | msg/request |\n|---|--:|--:|--:|--:|\n");
		for (SweepPoint point : points) {
			report.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.3f | %.1f |%n", point.series(),
					point.outstanding(), point.messagesPerSecond(), point.p50Millis(), point.messagesPerRequest()));
		}
		report.append('\n');
	}

	private static void encoding(StringBuilder report, List<EncodingResult> results) {
		report.append("### Encoding a 100-message batch (JMH)\n\n");
		report.append("`EncodingBenchmark`, 1 fork, 5 × 1 s warm-up, 5 × 1 s measured, GC profiler. `before`: the "
				+ "encoding up to commit 5c00cd3^ (each body serialized to a String, measured in a second pass, "
				+ "re-encoded by a JsonGenerator into the request body); `after`: the client's MessageEncoder and "
				+ "RequestBodyWriter as they are. Both write the same bytes.\n\n");
		report.append("| method | ns/op | ± (99.9 %) | B/op | × before (time) | × before (bytes) |\n"
				+ "|---|--:|--:|--:|--:|--:|\n");
		EncodingResult before = results.stream().filter((r) -> r.method().equals("before")).findFirst().orElse(null);
		for (EncodingResult result : results) {
			report.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %s | %s |%n", result.method(),
					result.nanosPerOp(), result.error(), result.bytesPerOp(),
					(before != null) ? String.format(Locale.ROOT, "%.2f", result.nanosPerOp() / before.nanosPerOp())
							: "–",
					(before != null) ? String.format(Locale.ROOT, "%.2f", result.bytesPerOp() / before.bytesPerOp())
							: "–"));
		}
		report.append('\n');
	}

}
