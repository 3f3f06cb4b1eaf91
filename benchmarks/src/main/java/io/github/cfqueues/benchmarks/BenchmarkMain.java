package io.github.cfqueues.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every scenario and prints one markdown table, also written to {@code benchmarks/RESULTS.md}. See
 * {@link BenchmarkOptions#USAGE}.
 */
public final class BenchmarkMain {

	static final String COMMAND = "./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests && "
			+ "java -jar benchmarks/target/cloudflare-queues-benchmarks.jar";

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws IOException {
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		String machine = Machine.describe();
		System.out.println("Machine: " + machine);
		Instant started = Instant.now();
		ResourceMeter meter = new ResourceMeter();
		List<ScenarioResult> rows = new ArrayList<>();
		RateLimitedResult rateLimited = null;
		String wireCheck;
		ClientStack stack = new ClientStack();
		SharedLimitScenario sharedLimit = options.runs("shared-limit")
				? new SharedLimitScenario(options.rateLimitedDuration().dividedBy(2), stack, meter) : null;
		try (SinkServer sink = new SinkServer()) {
			SinkScenarios sinkScenarios = new SinkScenarios(options, sink, stack, meter);
			wireCheck = sinkScenarios.wireCheck();
			System.out.println("Wire check: " + wireCheck);
			rows.addAll(sinkScenarios.run());
			if (options.runs("rate-limited")) {
				rateLimited = new RateLimitedScenario(options.rateLimitedDuration(), stack, meter).run();
				rows.add(rateLimited.row());
			}
			if (sharedLimit != null) {
				rows.addAll(sharedLimit.run());
			}
		}
		String report = Report.markdown(rows, rateLimited, machine, wireCheck, options,
				Duration.between(started, Instant.now()));
		System.out.println();
		System.out.println(report);
		Path output = options.output();
		Files.writeString(output, report);
		System.out.println("Written to " + output.toAbsolutePath());
		System.exit(0);
	}

}
