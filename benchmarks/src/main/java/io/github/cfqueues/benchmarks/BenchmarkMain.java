package io.github.cfqueues.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.benchmarks.encoding.EncodingScenario;
import org.jspecify.annotations.Nullable;

/**
 * Runs every scenario and prints one markdown report, also added on top of the earlier rounds in
 * {@code benchmarks/RESULTS.md}, with the chart of the concurrency sweep beside it. See {@link BenchmarkOptions#USAGE}.
 */
public final class BenchmarkMain {

	static final String COMMAND = "./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests && "
			+ "java -jar benchmarks/target/cloudflare-queues-benchmarks.jar";

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		String machine = Machine.describe();
		System.out.println("Machine: " + machine + "; load " + Machine.loadAverage());
		Instant started = Instant.now();
		ResourceMeter meter = new ResourceMeter();
		Results results = new Results(machine, Machine.loadAverage(), options);
		ClientStack stack = new ClientStack();
		SharedLimitScenario sharedLimit = options.runs("shared-limit")
				? new SharedLimitScenario(options.rateLimitedDuration().dividedBy(2), stack, meter) : null;
		try (SinkServer sink = new SinkServer()) {
			SinkScenarios sinkScenarios = new SinkScenarios(options, sink, stack, meter);
			results.wireCheck = sinkScenarios.wireCheck();
			System.out.println("Wire check: " + results.wireCheck);
			results.rows.addAll(sinkScenarios.run());
			if (options.runs("sweep")) {
				System.out.println("Concurrency sweep, " + options.sweepPoint().toSeconds() + " s per point");
				results.sweep = new ConcurrencySweep(sink, stack, options.sweepPoint()).run();
				Path chart = options.chart();
				Chart.write(results.sweep, machine + "; " + LocalDate.now(), chart);
				results.chart = chart;
				System.out.println("Chart written to " + chart);
			}
		}
		if (options.runs("encoding")) {
			System.out.println("Encoding benchmark (JMH, forked JVM)");
			results.encoding = EncodingScenario.run();
		}
		if (options.runs("rate-limited")) {
			results.rateLimited = new RateLimitedScenario(options.rateLimitedDuration(), stack, meter).run();
			results.rows.add(results.rateLimited.row());
		}
		if (sharedLimit != null) {
			results.rows.addAll(sharedLimit.run());
		}
		results.took = Duration.between(started, Instant.now());
		String report = Report.markdown(results);
		System.out.println();
		System.out.println(report);
		Path output = options.output();
		String existing = Files.exists(output) ? Files.readString(output) : "";
		Files.writeString(output, Report.withRound(existing, report));
		System.out.println("Added to " + output.toAbsolutePath());
		System.exit(0);
	}

	/**
	 * Everything one run measured, for the {@link Report}.
	 */
	static final class Results {

		final String machine;

		final String loadAtStart;

		final BenchmarkOptions options;

		final List<ScenarioResult> rows = new ArrayList<>();

		String wireCheck = "not run";

		@Nullable RateLimitedResult rateLimited;

		List<SweepPoint> sweep = List.of();

		@Nullable Path chart;

		List<EncodingScenario.EncodingResult> encoding = List.of();

		Duration took = Duration.ZERO;

		Results(String machine, String loadAtStart, BenchmarkOptions options) {
			this.machine = machine;
			this.loadAtStart = loadAtStart;
			this.options = options;
		}

	}

}
