package io.github.cfqueues.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The command line: {@code [--scale=F] [--rate-limited-seconds=N] [--sweep-seconds=N] [--only=key,key]
 * [--output=PATH]}.
 *
 * @param scale multiplies every message count (1 for the documented figures; less for a quick try)
 * @param rateLimitedDuration how long the rate-limited scenario offers load
 * @param sweepPoint how long each point of the concurrency sweep runs
 * @param only the scenario keys to run, empty for all
 * @param output where the results are written as markdown; the chart goes beside it
 */
record BenchmarkOptions(double scale, Duration rateLimitedDuration, Duration sweepPoint, Set<String> only,
		Path output) {

	static final String USAGE = "java -jar benchmarks/target/cloudflare-queues-benchmarks.jar [--scale=1.0] "
			+ "[--rate-limited-seconds=60] [--sweep-seconds=2] "
			+ "[--only=baseline,webclient,push,push-batch,batching,rate-limited,shared-limit,sweep,encoding] "
			+ "[--output=benchmarks/RESULTS.md]";

	static final Duration DEFAULT_RATE_LIMITED = Duration.ofSeconds(60);

	static final Duration DEFAULT_SWEEP_POINT = Duration.ofSeconds(2);

	static final String CHART = "throughput-latency.png";

	static BenchmarkOptions parse(String[] args) {
		double scale = 1.0;
		Duration rateLimited = DEFAULT_RATE_LIMITED;
		Duration sweepPoint = DEFAULT_SWEEP_POINT;
		Set<String> only = Set.of();
		Path output = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "RESULTS.md")
				: Path.of("RESULTS.md");
		for (String arg : args) {
			String value = arg.substring(arg.indexOf('=') + 1);
			if (arg.startsWith("--scale=")) {
				scale = Double.parseDouble(value);
			}
			else if (arg.startsWith("--rate-limited-seconds=")) {
				rateLimited = Duration.ofSeconds(Long.parseLong(value));
			}
			else if (arg.startsWith("--sweep-seconds=")) {
				sweepPoint = Duration.ofSeconds(Long.parseLong(value));
			}
			else if (arg.startsWith("--only=")) {
				only = Set.of(value.split(","));
			}
			else if (arg.startsWith("--output=")) {
				output = Path.of(value);
			}
			else {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; usage: " + USAGE);
			}
		}
		if (!(scale > 0)) {
			throw new IllegalArgumentException("--scale must be positive, got " + scale);
		}
		return new BenchmarkOptions(scale, rateLimited, sweepPoint, only, output);
	}

	/**
	 * Whether these are the options of the documented run (the output file aside).
	 * @return {@code true} for the defaults
	 */
	boolean isDefault() {
		return this.scale == 1.0 && this.rateLimitedDuration.equals(DEFAULT_RATE_LIMITED)
				&& this.sweepPoint.equals(DEFAULT_SWEEP_POINT) && this.only.isEmpty();
	}

	@Override
	public String toString() {
		return "--scale=" + this.scale + " --rate-limited-seconds=" + this.rateLimitedDuration.toSeconds()
				+ " --sweep-seconds=" + this.sweepPoint.toSeconds()
				+ (this.only.isEmpty() ? "" : " --only=" + String.join(",", this.only));
	}

	/**
	 * Where the chart is written: beside the results.
	 * @return the path
	 */
	Path chart() {
		Path parent = this.output.toAbsolutePath().getParent();
		return (parent != null) ? parent.resolve(CHART) : Path.of(CHART);
	}

	boolean runs(String key) {
		return this.only.isEmpty() || this.only.contains(key);
	}

	int scaled(int count) {
		return Math.max(1, (int) Math.round(count * this.scale));
	}

}
