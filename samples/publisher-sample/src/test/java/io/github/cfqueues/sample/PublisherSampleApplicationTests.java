package io.github.cfqueues.sample;

import java.util.List;
import java.util.Map;

import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.StoredMessage;
import io.github.cfqueues.test.EmulatedCloudflareQueues;
import io.github.cfqueues.test.EmulatedQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample, tested against an emulator through the test support, and with its three variables set against a
 * stand-in for Cloudflare.
 */
@SpringBootTest
@EmulatedCloudflareQueues(resetAfterEachTest = false)
@ExtendWith(OutputCaptureExtension.class)
class PublisherSampleApplicationTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private static final String QUEUE = "fedcba9876543210fedcba9876543210";

	private static final String TOKEN = "sample-test-token";

	@Autowired
	private EmulatedQueues queues;

	@Test
	void everyKindOfMessageArrivesAndTheListenerAcknowledgesThoseDueNow(CapturedOutput output) {
		EmulatedQueue queue = this.queues.queue("default");
		assertThat(queue).hasReceived(8);
		assertSamplePushes(queue.received());
		assertThat(queue.acknowledged()).extracting(StoredMessage::body)
			.hasSize(7)
			.doesNotContain("Delivered 30 seconds from now");
		assertThat(output).contains("Pushed a batch of 5 in 1 request(s)")
			.contains("Received text message", "Hello from the publisher sample; acknowledging it")
			.contains("Received json message", "{\"orderId\":1042,\"item\":\"Widget\",\"quantity\":3}")
			.contains("Received and acknowledged all 7 messages pushed without a delay");
	}

	@Test
	void withTheThreeVariablesSetItTalksToTheConfiguredServerWithTheirCredentials() {
		try (CloudflareQueuesEmulator cloudflare = CloudflareQueuesEmulator.builder()
			.apiToken(TOKEN)
			.queue(ACCOUNT, QUEUE)
			.start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(PublisherSampleApplication.class)
					.main(PublisherSampleApplication.class)
					.run("--CLOUDFLARE_ACCOUNT_ID=" + ACCOUNT, "--CLOUDFLARE_API_TOKEN=" + TOKEN,
							"--CLOUDFLARE_QUEUE_ID=" + QUEUE, "--cloudflare.queues.base-url=" + cloudflare.baseUrl())) {
			assertThat(context.getBeanProvider(CloudflareQueuesEmulator.class).getIfAvailable()).isNull();
			assertSamplePushes(cloudflare.queue(ACCOUNT, QUEUE).orElseThrow().received());
		}
	}

	@Test
	void localModeIsChosenWhenNoApiTokenIsSet() {
		assertThat(PublisherSampleApplication.localMode(Map.of())).isTrue();
		assertThat(PublisherSampleApplication.localMode(Map.of("CLOUDFLARE_API_TOKEN", " "))).isTrue();
		assertThat(PublisherSampleApplication.localMode(Map.of("CLOUDFLARE_API_TOKEN", TOKEN))).isFalse();
	}

	private static void assertSamplePushes(List<StoredMessage> messages) {
		assertThat(messages).extracting(StoredMessage::contentType, StoredMessage::body)
			.containsExactly(tuple("text", "Hello from the publisher sample"),
					tuple("json", "{\"orderId\":1042,\"item\":\"Widget\",\"quantity\":3}"),
					tuple("text", "Delivered 30 seconds from now"), tuple("text", "Batch message 1"),
					tuple("text", "Batch message 2"), tuple("text", "Batch message 3"),
					tuple("text", "Batch message 4"), tuple("text", "Batch message 5"));
		StoredMessage delayed = messages.get(2);
		assertThat(delayed.visibleAt()).isEqualTo(delayed.enqueuedAt().plusSeconds(30));
		assertThat(messages.get(0).visibleAt()).isEqualTo(messages.get(0).enqueuedAt());
	}

}
