package io.github.cfqueues.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures consuming against the emulator: messages pulled, decoded and acknowledged per second by a raw HTTP loop,
 * by {@code QueueConsumer} loops with 1 and 4 pullers, and by a listener container with a decoding, otherwise empty
 * handler at concurrency 1, 10 and 50, each listener row as a ratio to the pull-and-ack loop that holds as many
 * messages at once. Prints the table and writes it to {@code benchmarks/RESULTS-consuming.md} (or
 * {@code --output=PATH}).
 * <pre>
 * java -cp benchmarks/target/cloudflare-queues-benchmarks.jar io.github.cfqueues.benchmarks.ConsumeBenchmarkMain
 * </pre>
 */
public final class ConsumeBenchmarkMain {

	private ConsumeBenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		int messages = 20_000;
		int rounds = 3;
		Path output = Path.of("benchmarks", "RESULTS-consuming.md");
		for (String arg : args) {
			if (arg.startsWith("--messages=")) {
				messages = Integer.parseInt(arg.substring("--messages=".length()));
			}
			else if (arg.startsWith("--rounds=")) {
				rounds = Integer.parseInt(arg.substring("--rounds=".length()));
			}
			else if (arg.startsWith("--output=")) {
				output = Path.of(arg.substring("--output=".length()));
			}
			else {
				throw new IllegalArgumentException("Unknown option " + arg
						+ " (known: --messages=N, --rounds=N, --output=PATH)");
			}
		}
		long started = System.nanoTime();
		List<ConsumeRow> rows = new ConsumeScenarios(messages, rounds).run();
		String report = report(rows, messages, rounds, String.join(" ", args),
				Duration.ofNanos(System.nanoTime() - started));
		System.out.println(report);
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, report);
		System.exit(0);
	}

	private static String report(List<ConsumeRow> rows, int messages, int rounds, String options, Duration took)
			throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("# Consuming benchmark results");
		lines.add("");
		lines.add("- Date: " + LocalDate.now() + "; the run took " + took.toSeconds() + " s");
		lines.add("- Machine: " + Machine.describe());
		lines.add("- Command: `./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests && java -cp "
				+ "benchmarks/target/cloudflare-queues-benchmarks.jar io.github.cfqueues.benchmarks.ConsumeBenchmarkMain"
				+ (options.isEmpty() ? "" : " " + options) + "`");
		lines.add("- Server: the emulator in the same JVM on 127.0.0.1, one queue filled with " + String.format(Locale.ROOT,
				"%,d", messages) + " json messages (`" + ConsumeScenarios.SAMPLE_BODY + "`) before each measurement.");
		lines.add("- Method: every row warms up on a first fill, then runs " + rounds + " rounds (a GC before each); "
				+ "msg/s is the median round's, from the first pull to the last acknowledgement answered. Every "
				+ "message is decoded into a record and acknowledged; each round checks that the emulator acknowledged "
				+ "every message once and holds none.");
		lines.add("- Requests per message: pull and ack requests the emulator received in the median round, over "
				+ "the messages.");
		lines.add("- Listener rows: `× reference` divides by the same-bound loop: one QueueConsumer puller that holds "
				+ "as many messages as the listener (its concurrency), decodes each, hands its acknowledgement to the "
				+ "consumer and pulls again without awaiting the answers, as the listener does; measured in the same "
				+ "run. `× 100-batch loop` divides by the 1-puller QueueConsumer loop with pulls of 100, which awaits "
				+ "each pull's acknowledgements before the next pull.");
		lines.add("");
		lines.add("| Row | pullers / concurrency | pull size | msg/s | requests/msg | × reference | reference | rounds msg/s |");
		lines.add("|---|--:|--:|--:|--:|--:|---|---|");
		for (ConsumeRow row : rows) {
			lines.add(row.markdown());
		}
		lines.add("");
		lines.add("Targets (reported, not asserted):");
		lines.add("");
		for (ConsumeRow row : rows) {
			if (row.target() != null) {
				lines.add("- **" + (row.ratio() >= 0.8 ? "met" : "missed") + "**: " + row.target() + ": "
						+ String.format(Locale.ROOT, "%.2f", row.ratio()));
			}
		}
		return String.join("\n", lines) + "\n";
	}

}
