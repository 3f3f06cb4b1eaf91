package io.github.cfqueues.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Checks the figures against the targets. Reported, never asserted.
 */
final class Targets {

	static final double PUSH_VS_BASELINE = 0.9;

	static final double BATCHING_VS_PUSH = 20.0;

	static final double REQUEST_TOLERANCE = 0.01;

	static final double CEILING_FRACTION = 0.95;

	private Targets() {
	}

	static List<String> evaluate(List<ScenarioResult> rows, @Nullable RateLimitedResult rateLimited) {
		List<String> lines = new ArrayList<>();
		for (String variant : List.of("off", "on")) {
			find(rows, "push-" + variant, SinkScenarios.CONCURRENT).ifPresent((push) -> {
				Double ratio = push.ratioToBaseline();
				if (ratio != null) {
					lines.add(line(ratio >= PUSH_VS_BASELINE, "per-message push ≥ %.1f × baseline at c=64 (%s): %.2f",
							PUSH_VS_BASELINE, variantLabel(variant), ratio));
				}
			});
		}
		find(rows, "push-off", SinkScenarios.CONCURRENT).ifPresent((push) -> {
			for (ScenarioResult batching : rows) {
				if (batching.key().startsWith("batching-")) {
					double ratio = batching.messagesPerSecond() / push.messagesPerSecond();
					lines.add(line(ratio >= BATCHING_VS_PUSH,
							"batching ≥ %.0f × per-message push (c=64, off) in msg/s — batching at c=%d (%s): %.1f ×",
							BATCHING_VS_PUSH, batching.concurrency(), variantLabel(batching.key().substring(9)),
							ratio));
				}
			}
		});
		for (ScenarioResult batching : rows) {
			if (batching.key().startsWith("batching-")) {
				double excess = (double) batching.requests() / batching.minimumRequests() - 1;
				lines.add(line(excess <= REQUEST_TOLERANCE,
						"requests within 1 %% of ceil(n/100) — batching at c=%d (%s): %,d requests for %,d "
								+ "(%+.2f %%)",
						batching.concurrency(), variantLabel(batching.key().substring(9)), batching.requests(),
						batching.minimumRequests(), excess * 100));
			}
		}
		if (rateLimited != null) {
			boolean met = rateLimited.fractionOfCeiling() >= CEILING_FRACTION && rateLimited.rejections() == 0;
			lines.add(line(met, "rate-limited ≥ %.2f of the ceiling with zero 429s: %.3f, %d × 429", CEILING_FRACTION,
					rateLimited.fractionOfCeiling(), rateLimited.rejections()));
		}
		return lines;
	}

	private static String variantLabel(String key) {
		return ("on".equals(key) ? PublisherVariant.ON : PublisherVariant.OFF).label();
	}

	private static Optional<ScenarioResult> find(List<ScenarioResult> rows, String key, int concurrency) {
		return rows.stream().filter((row) -> row.key().equals(key) && row.concurrency() == concurrency).findFirst();
	}

	private static String line(boolean met, String pattern, Object... arguments) {
		return "- " + (met ? "**met**" : "**missed**") + ": " + String.format(Locale.ROOT, pattern, arguments);
	}

}
