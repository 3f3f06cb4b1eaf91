package io.github.cfqueues.test.readme;

import io.github.cfqueues.test.CloudflareQueuesEmulatorConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * The README's example of running the application locally against the emulator.
 */
public class TestApplication {

	public static void main(String[] args) {
		SpringApplication.from(Application::main).with(CloudflareQueuesEmulatorConfiguration.class).run(args);
	}

}
