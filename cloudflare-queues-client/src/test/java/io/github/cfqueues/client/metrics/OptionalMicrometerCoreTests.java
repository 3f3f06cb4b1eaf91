package io.github.cfqueues.client.metrics;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * micrometer-core is optional: a client loaded without it publishes, observes and remembers its queues.
 */
class OptionalMicrometerCoreTests {

	@Test
	void aClientWithoutMicrometerCorePublishesAndObserves() throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		URL[] withoutCore = Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !new File(entry).getName().startsWith("micrometer-core"))
			.map(OptionalMicrometerCoreTests::url)
			.toArray(URL[]::new);
		try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.start(); URLClassLoader loader = new URLClassLoader(withoutCore, ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"));
			Object described = loader.loadClass(NoMicrometerCoreProbe.class.getName())
				.getMethod("pushAndDescribe", String.class)
				.invoke(null, emulator.baseUrl().toString());
			assertThat(described).isEqualTo("1 observation(s), backlog 1");
		}
	}

	private static URL url(String entry) {
		try {
			return new File(entry).toURI().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
