package io.github.cfqueues.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts each row of one run beside the row it is judged against, all measured in the same run: the raw baseline
 * that posts the same bytes, and, in the notes, the comparisons the targets name.
 * <ul>
 * <li>single-message rows: the raw single-push baseline at the same concurrency;</li>
 * <li>batch rows (raw batch baseline, {@code pushBatch}): the raw batch baseline at the same concurrency;</li>
 * <li>auto-batching at c=1000: the raw batch baseline at its highest concurrency, and the best explicit
 * {@code pushBatch} row in the notes;</li>
 * <li>auto-batching at lower concurrency: per-message push at the same concurrency, in the notes;</li>
 * <li>per-message push: the plain {@code WebClient} at the same concurrency, throughput and allocation, in the
 * notes.</li>
 * </ul>
 */
final class Comparisons {

	private Comparisons() {
	}

	static List<ScenarioResult> add(List<ScenarioResult> rows) {
		List<ScenarioResult> compared = new ArrayList<>();
		for (ScenarioResult row : rows) {
			ScenarioResult result = row;
			Optional<ScenarioResult> baseline = baselineOf(rows, row);
			if (baseline.isPresent()) {
				result = result.withBaseline(baseline.get().messagesPerSecond());
			}
			String note = note(rows, row);
			if (!note.isEmpty()) {
				result = result.withNotes(note + (row.notes().isEmpty() ? "" : "; " + row.notes()));
			}
			compared.add(result);
		}
		return compared;
	}

	private static Optional<ScenarioResult> baselineOf(List<ScenarioResult> rows, ScenarioResult row) {
		if (row.key().equals("harness")) {
			return Optional.empty();
		}
		if (row.key().equals("batch-baseline") || row.key().startsWith("push-batch-")) {
			return find(rows, "batch-baseline", row.concurrency());
		}
		if (row.key().startsWith("batching-") && row.concurrency() >= SinkScenarios.MANY) {
			return rows.stream()
				.filter((candidate) -> candidate.key().equals("batch-baseline"))
				.max(Comparator.comparingInt(ScenarioResult::concurrency));
		}
		return find(rows, "baseline", row.concurrency());
	}

	private static String note(List<ScenarioResult> rows, ScenarioResult row) {
		if (row.key().startsWith("push-") && !row.key().startsWith("push-batch-")) {
			return find(rows, "webclient", row.concurrency())
				.map((webClient) -> format("%.2f × plain WebClient, alloc %.2f × its", row.messagesPerSecond()
						/ webClient.messagesPerSecond(), row.allocatedBytesPerMessage()
								/ webClient.allocatedBytesPerMessage()))
				.orElse("");
		}
		if (row.key().startsWith("batching-") && row.concurrency() >= SinkScenarios.MANY) {
			return bestPushBatch(rows)
				.map((pushBatch) -> format("%.2f × pushBatch (off, its best: c=%d)",
						row.messagesPerSecond() / pushBatch.messagesPerSecond(), pushBatch.concurrency()))
				.orElse("");
		}
		if (row.key().startsWith("batching-")) {
			String push = "push-" + row.key().substring("batching-".length());
			return find(rows, push, row.concurrency())
				.map((single) -> format("%.2f × per-message push, p50 %+.3f ms", row.messagesPerSecond()
						/ single.messagesPerSecond(), row.p50Millis() - single.p50Millis()))
				.orElse("");
		}
		return "";
	}

	/**
	 * The explicit batch push row with the highest throughput.
	 * @param rows the rows
	 * @return the row, if any
	 */
	static Optional<ScenarioResult> bestPushBatch(List<ScenarioResult> rows) {
		return rows.stream()
			.filter((row) -> row.key().equals("push-batch-off"))
			.max(Comparator.comparingDouble(ScenarioResult::messagesPerSecond));
	}

	static Optional<ScenarioResult> find(List<ScenarioResult> rows, String key, int concurrency) {
		return rows.stream().filter((row) -> row.key().equals(key) && row.concurrency() == concurrency).findFirst();
	}

	private static String format(String pattern, Object... arguments) {
		return String.format(Locale.ROOT, pattern, arguments);
	}

}
