package io.github.cfqueues.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue id at Cloudflare that is not 32 hex digits passes the checks, as ids are opaque, but is most likely the
 * queue's name: startup warns, saying where to find the id. Against a loopback host (an emulator) ids are free.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnlikelyQueueIdWarningTests {

	private final ApplicationContextRunner contextRunner = CloudflareQueuesAutoConfigurationTests.runner()
		.withPropertyValues("cloudflare.queues.account-id=0123456789abcdef0123456789abcdef",
				"cloudflare.queues.api-token=token-0042");

	@Test
	void aQueueNameGivenAsItsIdIsWarnedOf(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cloudflare.queues.queues.orders.queue-id=orders")
			.run((context) -> assertThat(output).contains("WARN", "The id 'orders' of the Cloudflare queue 'orders' "
					+ "(cloudflare.queues.queues.orders.queue-id) is not 32 hex digits, as Cloudflare's queue ids are. "
					+ "If it is the queue's name, every push will fail with QueueNotFoundException; set it as "
					+ "queue-name instead. Set the queue's id, 32 hex digits: `wrangler queues list` shows it, and so "
					+ "does the queue's page in the Cloudflare dashboard.")
				.containsOnlyOnce("The id 'orders'"));
	}

	@Test
	void anIdOfCloudflaresFormIsNot(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=4f1c0000000000000000000000000001")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("is not 32 hex digits");
			});
	}

	@Test
	void anyIdIsFineOnALoopbackHost(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.base-url=http://127.0.0.1:8787/client/v4",
					"cloudflare.queues.queue-id=q1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("is not 32 hex digits");
			});
	}

}
