package io.github.cfqueues.test;

import java.time.Duration;

import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.test.shop.ShopApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application runs on a developer's machine against the emulator, from a class in {@code src/test/java}:
 * {@code SpringApplication.from(ShopApplication::main).with(CloudflareQueuesEmulatorConfiguration.class)}, with no
 * Cloudflare account and no change to the application.
 */
class TestApplicationTests {

	private static final String[] ARGS = { "--cloudflare.queues.account-id=${CFQ_TEST_UNSET_ACCOUNT_ID}",
			"--cloudflare.queues.api-token=${CFQ_TEST_UNSET_API_TOKEN}",
			"--cloudflare.queues.queue-id=${CFQ_TEST_UNSET_QUEUE_ID}",
			"--cloudflare.queues.queues.orders.content-type=text" };

	@Test
	void theApplicationRunsAgainstTheEmulatorAndStopsItWhenItCloses() {
		CloudflareQueuesEmulator emulator;
		try (ConfigurableApplicationContext context = SpringApplication.from(ShopApplication::main)
			.with(CloudflareQueuesEmulatorConfiguration.class)
			.run(ARGS)
			.getApplicationContext()) {
			context.getBean(QueuePublisher.class).pushText("Stock taken").block(Duration.ofSeconds(10));
			EmulatedQueues queues = context.getBean(EmulatedQueues.class);
			assertThat(queues.queue("orders")).hasReceivedBodies("The shop is open");
			assertThat(queues.queue("default")).hasReceivedBodies("Stock taken");
			emulator = queues.emulator();
			assertThat(emulator.isRunning()).isTrue();
		}
		assertThat(emulator.isRunning()).isFalse();
	}

}
