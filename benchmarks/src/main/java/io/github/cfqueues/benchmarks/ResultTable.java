package io.github.cfqueues.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * Formats the results as one markdown table.
 */
final class ResultTable {

	private ResultTable() {
	}

	static String markdown(List<ScenarioResult> results) {
		StringBuilder table = new StringBuilder();
		table.append("| Scenario | c | messages | requests | requests ÷ ceil(n/100) | msg/s | × baseline | p50 ms "
				+ "| p99 ms | client CPU µs/msg | alloc B/msg | peak heap MB | notes |\n");
		table.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
		for (ScenarioResult result : results) {
			Double ratio = result.ratioToBaseline();
			table.append("| ")
				.append(result.scenario())
				.append(" | ")
				.append(result.concurrency())
				.append(" | ")
				.append(grouped(result.messages()))
				.append(" | ")
				.append(grouped(result.requests()))
				.append(" | ")
				.append(format("%.3f", (double) result.requests() / result.minimumRequests()))
				.append(" | ")
				.append(grouped(Math.round(result.messagesPerSecond())))
				.append(" | ")
				.append((ratio != null) ? format("%.2f", ratio) : "–")
				.append(" | ")
				.append(format("%.3f", result.p50Millis()))
				.append(" | ")
				.append(format("%.3f", result.p99Millis()))
				.append(" | ")
				.append(format("%.1f", result.cpuMicrosPerMessage()))
				.append(" | ")
				.append(grouped(Math.round(result.allocatedBytesPerMessage())))
				.append(" | ")
				.append(grouped(Math.round(result.peakHeapBytes() / (1024.0 * 1024.0))))
				.append(" | ")
				.append(result.notes())
				.append(" |\n");
		}
		return table.toString();
	}

	private static String grouped(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	private static String format(String pattern, double value) {
		return String.format(Locale.ROOT, pattern, value);
	}

}
