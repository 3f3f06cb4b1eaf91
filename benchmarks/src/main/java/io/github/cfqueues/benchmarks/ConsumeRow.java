package io.github.cfqueues.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One row of the consuming benchmark.
 *
 * @param name what was measured
 * @param parallelism pullers, or a listener's concurrency
 * @param pullSize messages a pull leases at most
 * @param rounds each round's messages per second
 * @param requestsPerMessage pull and ack requests per message in the median round
 * @param ratio the median over the reference's median, or {@code NaN} when there is none
 * @param reference what the ratio is taken against
 * @param target the target this row is held to, or {@code null}
 */
record ConsumeRow(String name, int parallelism, int pullSize, List<Double> rounds, double requestsPerMessage,
		double ratio, String reference, @Nullable String target) {

	double median() {
		return ConsumeScenarios.median(this.rounds);
	}

	String markdown() {
		return "| " + this.name + " | " + this.parallelism + " | " + this.pullSize + " | " + format("%,.0f", median())
				+ " | " + format("%.4f", this.requestsPerMessage) + " | "
				+ (Double.isNaN(this.ratio) ? "–" : format("%.2f", this.ratio)) + " | " + this.reference + " | "
				+ this.rounds.stream().map((round) -> format("%,.0f", round)).collect(Collectors.joining(" / "))
				+ " |";
	}

	private static String format(String pattern, double value) {
		return String.format(Locale.ROOT, pattern, value);
	}

}
