package io.github.cfqueues.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample, processed ahead of time by the build, runs with the generated code in local mode, and a
 * queue declared only through an environment variable at run time gets its publisher.
 */
class SampleAheadOfTimeIT {

	@Test
	void theProcessedSampleRunsInLocalModeAndHonoursAQueueAddedAtRunTime() throws Exception {
		Path jar = Paths.get(System.getProperty("sample.jar"));
		assertThat(jar).exists();
		List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Dspring.aot.enabled=true", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("CLOUDFLARE_"));
		environment.put("CLOUDFLARE_QUEUES_QUEUES_EXTRA_CONTENTTYPE", "text");
		Path output = Files.createTempFile("sample-aot", ".log");
		Process process = builder.redirectOutput(output.toFile()).start();

		boolean ended = process.waitFor(120, TimeUnit.SECONDS);
		String log = read(output);
		if (!ended) {
			process.destroyForcibly();
		}

		assertThat(ended).as("the sample ended by itself:%n%s", log).isTrue();
		assertThat(process.exitValue()).as(log).isZero();
		assertThat(log).contains("Configured queues: [default, extra] (ahead-of-time processed)")
			.contains("Cloudflare Queues LOCAL MODE")
			.contains("Pushed a batch of 5 in 1 request(s)")
			.contains("Received and acknowledged all 7 messages pushed without a delay");
	}

	private static String read(Path output) throws IOException {
		return Files.readString(output, StandardCharsets.UTF_8);
	}

}
