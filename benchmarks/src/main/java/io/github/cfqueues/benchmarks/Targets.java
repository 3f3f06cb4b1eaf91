package io.github.cfqueues.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Checks the figures against the targets of the performance issue, every one a ratio between rows of the same run.
 * Reported, never asserted.
 */
final class Targets {

	static final double PUSH_BATCH_VS_RAW = 0.9;

	static final double BATCHING_VS_PUSH_BATCH = 0.9;

	static final double EXTRA_P50_MILLIS = 1.0;

	static final double PUSH_VS_WEBCLIENT = 0.95;

	static final double ALLOCATION_VS_WEBCLIENT = 1.2;

	static final double CEILING_FRACTION = 0.95;

	static final double REQUEST_TOLERANCE = 0.01;

	private Targets() {
	}

	static List<String> evaluate(List<ScenarioResult> rows, @Nullable RateLimitedResult rateLimited) {
		List<String> lines = new ArrayList<>();
		for (int calls : SinkScenarios.BATCH_CALLS) {
			Optional<ScenarioResult> raw = Comparisons.find(rows, "batch-baseline", calls);
			Comparisons.find(rows, "push-batch-off", calls).ifPresent((pushBatch) -> raw.ifPresent((baseline) -> {
				double ratio = pushBatch.messagesPerSecond() / baseline.messagesPerSecond();
				lines.add(line(ratio >= PUSH_BATCH_VS_RAW,
						"pushBatch of 100 at c=%d ≥ %.2f × raw Reactor Netty posting the same batch bytes: %.2f", calls,
						PUSH_BATCH_VS_RAW, ratio));
			}));
		}
		Comparisons.bestPushBatch(rows).ifPresent((pushBatch) -> Comparisons.find(rows, "batching-off",
				SinkScenarios.MANY).ifPresent((batching) -> {
					double ratio = batching.messagesPerSecond() / pushBatch.messagesPerSecond();
					lines.add(line(ratio >= BATCHING_VS_PUSH_BATCH,
							"auto-batching at c=1000 ≥ %.2f × explicit pushBatch (its best row, c=%d), both %s: %.2f",
							BATCHING_VS_PUSH_BATCH, pushBatch.concurrency(), PublisherVariant.OFF.label(), ratio));
				}));
		for (int concurrency : List.of(SinkScenarios.SERIAL, SinkScenarios.LIGHT, SinkScenarios.CONCURRENT)) {
			Optional<ScenarioResult> push = Comparisons.find(rows, "push-off", concurrency);
			Comparisons.find(rows, "batching-off", concurrency).ifPresent((batching) -> push.ifPresent((single) -> {
				double ratio = batching.messagesPerSecond() / single.messagesPerSecond();
				double extra = batching.p50Millis() - single.p50Millis();
				lines.add(line(ratio >= 1.0 && extra <= EXTRA_P50_MILLIS,
						"auto-batching (default settings) at c=%d ≥ per-message push in msg/s and p50 ≤ its + %.0f ms: "
								+ "%.2f ×, p50 %.3f ms vs %.3f ms (%+.3f ms)",
						concurrency, EXTRA_P50_MILLIS, ratio, batching.p50Millis(), single.p50Millis(), extra));
			}));
		}
		Optional<ScenarioResult> webClient = Comparisons.find(rows, "webclient", SinkScenarios.CONCURRENT);
		Comparisons.find(rows, "push-off", SinkScenarios.CONCURRENT).ifPresent((push) -> webClient.ifPresent((floor) -> {
			double ratio = push.messagesPerSecond() / floor.messagesPerSecond();
			double allocation = push.allocatedBytesPerMessage() / floor.allocatedBytesPerMessage();
			lines.add(line(ratio >= PUSH_VS_WEBCLIENT && allocation <= ALLOCATION_VS_WEBCLIENT,
					"per-message push at c=64 (%s) ≥ %.2f × plain WebClient in msg/s, allocation ≤ %.1f × its: "
							+ "%.2f ×, %.2f × (%,.0f vs %,.0f B/msg)",
					PublisherVariant.OFF.label(), PUSH_VS_WEBCLIENT, ALLOCATION_VS_WEBCLIENT, ratio, allocation,
					push.allocatedBytesPerMessage(), floor.allocatedBytesPerMessage()));
		}));
		for (ScenarioResult batching : rows) {
			if (batching.key().startsWith("batching-") && batching.concurrency() >= SinkScenarios.MANY) {
				double excess = (double) batching.requests() / batching.minimumRequests() - 1;
				lines.add(line(excess <= REQUEST_TOLERANCE,
						"requests within 1 %% of ceil(n/100) at c=1000 (%s): %,d requests for %,d (%+.2f %%)",
						variantLabel(batching.key().substring(9)), batching.requests(), batching.minimumRequests(),
						excess * 100));
			}
		}
		if (rateLimited != null) {
			ScenarioResult row = rateLimited.row();
			double requestRatio = (double) row.requests() / row.minimumRequests();
			boolean met = rateLimited.fractionOfCeiling() >= CEILING_FRACTION && rateLimited.rejections() == 0
					&& requestRatio <= 1 + REQUEST_TOLERANCE;
			lines.add(line(met, "rate-limited ≥ %.2f of the ceiling, zero 429s, requests ≤ %.2f × ceil(n/100): "
					+ "%.3f, %d × 429, %.3f ×", CEILING_FRACTION, 1 + REQUEST_TOLERANCE, rateLimited.fractionOfCeiling(),
					rateLimited.rejections(), requestRatio));
		}
		return lines;
	}

	private static String variantLabel(String key) {
		return ("on".equals(key) ? PublisherVariant.ON : PublisherVariant.OFF).label();
	}

	private static String line(boolean met, String pattern, Object... arguments) {
		return "- " + (met ? "**met**" : "**missed**") + ": " + String.format(Locale.ROOT, pattern, arguments);
	}

}
