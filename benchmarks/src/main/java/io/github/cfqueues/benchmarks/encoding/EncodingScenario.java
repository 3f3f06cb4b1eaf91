package io.github.cfqueues.benchmarks.encoding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link EncodingBenchmark} under JMH in a forked JVM, with the GC profiler for bytes allocated per operation.
 */
public final class EncodingScenario {

	private EncodingScenario() {
	}

	/**
	 * Runs the benchmark.
	 * @return one result per method, {@code before} first
	 */
	public static List<EncodingResult> run() {
		Options options = new OptionsBuilder().include(EncodingBenchmark.class.getName() + "\\.")
			.forks(1)
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(1))
			.addProfiler(GCProfiler.class)
			.jvmArgsAppend("-Xmx1g")
			.build();
		Collection<RunResult> results;
		try {
			results = new Runner(options).run();
		}
		catch (RunnerException ex) {
			throw new IllegalStateException("The encoding benchmark failed", ex);
		}
		List<EncodingResult> rows = new ArrayList<>();
		for (RunResult result : results) {
			String method = result.getParams().getBenchmark();
			method = method.substring(method.lastIndexOf('.') + 1);
			Result<?> time = result.getPrimaryResult();
			double bytes = Double.NaN;
			for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
				if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
					bytes = secondary.getValue().getScore();
				}
			}
			rows.add(new EncodingResult(method, time.getScore(), time.getScoreError(), bytes));
		}
		rows.sort((left, right) -> left.method().equals("before") ? -1 : right.method().equals("before") ? 1 : 0);
		return rows;
	}

	/**
	 * One method's result.
	 *
	 * @param method {@code before} or {@code after}
	 * @param nanosPerOp mean time per batch of {@value EncodingBenchmark#MESSAGES} messages
	 * @param error the 99.9 % confidence half-width of the mean
	 * @param bytesPerOp bytes allocated per batch
	 */
	public record EncodingResult(String method, double nanosPerOp, double error, double bytesPerOp) {
	}

}
