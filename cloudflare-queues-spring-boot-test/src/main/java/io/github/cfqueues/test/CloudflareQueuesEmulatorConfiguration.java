package io.github.cfqueues.test;

import io.github.cfqueues.autoconfigure.CloudflareQueuesConnectionDetails;
import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.autoconfigure.local.LocalCloudflareQueuesConnectionDetails;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Connects an application to a {@link CloudflareQueuesEmulator} it starts, and stops with the application context:
 * a {@link CloudflareQueuesConnectionDetails} bean that sends every request there (so the auto-configuration's own,
 * from {@code cloudflare.queues.*}, backs off), and {@link EmulatedQueues}. The connection is
 * {@link CloudflareQueuesConnectionDetails#isLocal() local}: no account is needed, queues without ids get ids
 * derived from their names, and configured credentials are never sent.
 * <p>
 * Used by {@link EmulatedCloudflareQueues} in tests, and to run an application on a developer's machine, from a
 * class in {@code src/test/java}, with the emulator on the test classpath only:
 * <pre>{@code
 * public class TestApplication {
 *
 *     public static void main(String[] args) {
 *         SpringApplication.from(Application::main).with(CloudflareQueuesEmulatorConfiguration.class).run(args);
 *     }
 *
 * }
 * }</pre>
 * The emulator listens on a free loopback port, or on {@code cloudflare.queues.local.port} when set.
 */
@Configuration(proxyBeanMethods = false)
public class CloudflareQueuesEmulatorConfiguration {

	@Bean(destroyMethod = "stop")
	CloudflareQueuesEmulator cloudflareQueuesEmulator(Environment environment) {
		return CloudflareQueuesEmulator.builder()
			.port(environment.getProperty("cloudflare.queues.local.port", Integer.class, 0))
			.apiToken(LocalCloudflareQueuesConnectionDetails.API_TOKEN)
			.autoCreateQueues(true)
			.start();
	}

	@Bean
	CloudflareQueuesConnectionDetails cloudflareQueuesConnectionDetails(CloudflareQueuesEmulator emulator) {
		return new LocalCloudflareQueuesConnectionDetails(emulator.baseUrl());
	}

	@Bean
	EmulatedQueues emulatedQueues(CloudflareQueuesEmulator emulator, ObjectProvider<QueueEndpoints> endpoints) {
		return new EmulatedQueues(emulator, endpoints);
	}

}
