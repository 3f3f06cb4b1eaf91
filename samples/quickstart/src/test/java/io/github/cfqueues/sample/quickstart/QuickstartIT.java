package io.github.cfqueues.sample.quickstart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Quick start application, packaged, run in a JVM of its own with no Cloudflare variable set: it
 * starts in local mode, both pushes reach the emulator, and the process ends by itself within seconds of its runner.
 */
class QuickstartIT {

	@Test
	void runsWithNoAccountPushesToBothQueuesAndEndsByItself() throws Exception {
		Path jar = Paths.get(System.getProperty("sample.jar"));
		assertThat(jar).exists();
		ProcessBuilder builder = new ProcessBuilder(List.of(
				Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()))
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("CLOUDFLARE_"));
		Path output = Files.createTempFile("quickstart", ".log");
		long started = System.nanoTime();
		Process process = builder.redirectOutput(output.toFile()).start();

		boolean ended = process.waitFor(90, TimeUnit.SECONDS);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		String log = Files.readString(output, StandardCharsets.UTF_8);
		if (!ended) {
			process.destroyForcibly();
		}

		assertThat(ended).as("the application ended by itself; after %s it had logged:%n%s", took, log).isTrue();
		assertThat(process.exitValue()).as(log).isZero();
		assertThat(log).contains("Cloudflare Queues LOCAL MODE: messages are NOT going to Cloudflare")
			.contains("Cloudflare Queues LOCAL MODE: the emulator stops, and the messages it holds are dropped; "
					+ "messages received by queue: {default=1, orders=1}")
			.contains("Cloudflare Queues emulator stopped")
			.doesNotContain(" ERROR ", "Exception");
		Duration runnerToStop = betweenLines(log, "Started Quickstart", "Cloudflare Queues emulator stopped");
		System.out.println("The Quick start application started, pushed and ended in " + took.toMillis() + " ms; from "
				+ "'Started' (before its runner) to the emulator's stop: " + runnerToStop.toMillis() + " ms");
		assertThat(runnerToStop).as("from 'Started' to the emulator's stop, two pushes and the shutdown")
			.isLessThan(Duration.ofSeconds(10));
	}

	/**
	 * The time between two log lines, from their ISO-8601 timestamps.
	 */
	private static Duration betweenLines(String log, String first, String second) {
		return Duration.between(timestamp(log, first), timestamp(log, second));
	}

	private static Instant timestamp(String log, String text) {
		return log.lines()
			.filter((line) -> line.contains(text))
			.map((line) -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant())
			.findFirst()
			.orElseThrow();
	}

}
