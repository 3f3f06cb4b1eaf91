package io.github.cfqueues.test;

import java.time.Duration;
import java.util.List;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertions pass on what the queue shows and fail, listing what it shows, on anything else.
 */
class EmulatedQueueAssertTests {

	private static final String ACCOUNT = "account1";

	private final CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder().apiToken("t").start();

	private final EmulatedQueue queue = this.emulator.createQueue(ACCOUNT, "q1", "orders");

	private final CloudflareQueuesClient client = CloudflareQueuesClient.builder()
		.baseUrl(this.emulator.baseUrl())
		.accountId(ACCOUNT)
		.credentials(CloudflareCredentials.apiToken("t"))
		.build();

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.stop();
	}

	@Test
	void receivedBodiesPassInOrderAndFailListingWhatArrived() {
		push(QueueMessage.text("one"), QueueMessage.json(List.of(1, 2)));
		assertThat(this.queue).hasReceivedBodies("one", "[1,2]").hasReceived(2).holds(2);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.queue).hasReceivedBodies("[1,2]", "one"))
			.withMessage(String.format("Expected queue 'orders' (account1/q1) to have received%n  [[1,2], one]%n"
					+ "but it received%n  [one, [1,2]]"));
	}

	@Test
	void countsFailListingTheBodies() {
		push(QueueMessage.text("one"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.queue).holdsNothing())
			.withMessage("Expected queue 'orders' (account1/q1) to hold 0 message(s), but it holds 1: [one]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.queue).hasAcknowledged(1))
			.withMessage("Expected queue 'orders' (account1/q1) to have acknowledged 1 message(s), but it "
					+ "acknowledged 0: []");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.queue).hasRetried(1))
			.withMessage("Expected queue 'orders' (account1/q1) to have retried 1 message(s), but it retried 0");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.queue).hasDeadLettered(1))
			.withMessage("Expected queue 'orders' (account1/q1) to have dead-lettered 1 message(s), but it "
					+ "dead-lettered 0");
	}

	@Test
	void anEmptyQueueHoldsNothingAndReceivedNothing() {
		assertThat(this.queue).holdsNothing().hasReceived(0).hasReceivedBodies().hasAcknowledgedBodies();
	}

	private void push(QueueMessage... messages) {
		QueuePublisher publisher = this.client.publisher("orders", "q1",
				QueuePublisherOptions.DEFAULTS);
		for (QueueMessage message : messages) {
			publisher.push(message).block(Duration.ofSeconds(10));
		}
	}

}
