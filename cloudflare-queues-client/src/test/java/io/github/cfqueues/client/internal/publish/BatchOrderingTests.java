package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.Faults;
import io.github.cfqueues.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.bodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.fastRetries;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.pushWithoutWaiting;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.storedBodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With one batch in flight, a publisher's messages reach the queue in push order, retries included; more batches
 * in flight travel side by side (and may then be stored out of order, as the class documents).
 */
class BatchOrderingTests extends EmulatorBackedTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void withOneBatchInFlightMessagesAreStoredInPushOrderEvenWhenBatchesAreRetried() {
		this.emulator.setFaultInjector(Faults.everyNth(3, Fault.internalServerError()));
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(7, 256_000, Duration.ofMillis(5), 1)
			.retry(fastRetries(10))
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 300));

		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(storedBodies(this.emulator)).containsExactlyElementsOf(bodies(0, 300));
		assertThat(this.emulator.requests()).extracting(RecordedRequest::status).contains(500);
	}

	@Test
	void withOneBatchInFlightTheNextBatchWaitsForTheAnswer() {
		HeldAnswers held = new HeldAnswers();
		this.emulator.setFaultInjector(held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(10, 256_000, Duration.ofSeconds(10), 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 30));

		await().atMost(TIMEOUT).until(() -> held.arrived() == 1);
		await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> held.arrived() == 1);
		held.release();
		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(storedBodies(this.emulator)).containsExactlyElementsOf(bodies(0, 30));
	}

	@Test
	void maxInFlightBatchesTravelSideBySideAndNoMore() {
		HeldAnswers held = new HeldAnswers();
		this.emulator.setFaultInjector(held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(10, 256_000, Duration.ofSeconds(10), 3)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 50));

		await().atMost(TIMEOUT).until(() -> held.arrived() == 3);
		await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> held.arrived() == 3);
		assertThat(pushes).noneMatch(CompletableFuture::isDone);
		held.release();
		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(storedBodies(this.emulator)).containsExactlyInAnyOrderElementsOf(bodies(0, 50));
	}

}
