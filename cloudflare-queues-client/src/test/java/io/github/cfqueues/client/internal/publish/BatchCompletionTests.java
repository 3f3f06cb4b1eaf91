package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.MessageRejectedException;
import io.github.cfqueues.client.error.QueueServerException;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.Faults;
import io.github.cfqueues.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.bodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.failure;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.fastRetries;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.pushWithoutWaiting;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.sentBatches;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.storedBodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each gathered message keeps its own {@code Mono}: completed when its batch's answer arrives, never before, with
 * that answer or the batch's error; a failed batch is retried as a whole.
 */
class BatchCompletionTests extends EmulatorBackedTests {

	private static final Duration LONG_WAIT = Duration.ofSeconds(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void eachMessageCompletesWithTheAnswerToItsOwnBatch() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(3, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 6));

		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		// The emulator answers each batch with the backlog after storing it: 3, then 6.
		assertThat(pushes).extracting((push) -> push.join().metrics().backlogCount())
			.containsExactly(3L, 3L, 3L, 6L, 6L, 6L);
	}

	@Test
	void noMessageCompletesBeforeItsBatchIsAnswered() {
		HeldAnswers held = new HeldAnswers();
		this.emulator.setFaultInjector(held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(2, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 2));
		await().atMost(TIMEOUT).until(() -> held.arrived() == 1);

		assertThat(pushes).noneMatch(CompletableFuture::isDone);
		held.release();
		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(storedBodies(this.emulator)).containsExactly("m0", "m1");
	}

	/**
	 * Cloudflare refuses every request for its content, so the batch is sent again in halves until each message
	 * fails alone: [m0 m1 m2], then [m0], [m1 m2], [m1], [m2].
	 */
	@Test
	void aBatchRefusedForGoodFailsEachOfItsMessagesWithTheServersError() {
		this.emulator.setFaultInjector(Faults.always(Fault.error(400, 10207, "Request body invalid")));
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(3, 256_000, LONG_WAIT, 1)
			.retry(fastRetries(5))
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 3));

		List<Throwable> errors = pushes.stream().map(BatchingPublishers::failure).toList();
		assertThat(errors).allSatisfy((error) -> {
			assertThat(error).isInstanceOf(MessageRejectedException.class);
			CloudflareQueuesException failure = (CloudflareQueuesException) error;
			assertThat(failure.getHttpStatus()).isEqualTo(400);
			assertThat(failure.getDetails().hasCode(10207)).isTrue();
			assertThat(failure.getDetails().operation()).isEqualTo("batch push");
		});
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 3), bodies(0, 1), bodies(1, 3), bodies(1, 2),
				bodies(2, 3));
		assertThat(storedBodies(this.emulator)).isEmpty();
	}

	@Test
	void whenOneBatchFailsOnlyItsMessagesFail() {
		this.emulator.setFaultInjector(Faults.sequence(Fault.none(), Fault.internalServerError()));
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(2, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 6));

		assertThat(pushes.subList(0, 2)).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(pushes.subList(2, 4))
			.allSatisfy((push) -> assertThat(failure(push)).isInstanceOf(QueueServerException.class));
		assertThat(pushes.subList(4, 6)).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 2), bodies(2, 4), bodies(4, 6));
		assertThat(storedBodies(this.emulator)).containsExactly("m0", "m1", "m4", "m5");
	}

	@Test
	void aBatchThatFailsForAWhileIsRetriedAsAWholeAndItsMessagesSucceed() {
		this.emulator.setFaultInjector(Faults.sequence(Fault.internalServerError(), Fault.badGatewayHtml(),
				Fault.rateLimited(Duration.ZERO)));
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(3, 256_000, LONG_WAIT, 1)
			.retry(fastRetries(4))
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 3));

		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(this.emulator.requests()).extracting(RecordedRequest::status).containsExactly(500, 502, 429, 200);
		assertThat(sentBatches(this.emulator)).containsOnly(bodies(0, 3)).hasSize(4);
		assertThat(storedBodies(this.emulator)).containsExactly("m0", "m1", "m2");
	}

	@Test
	void aBatchThatRunsOutOfAttemptsFailsItsMessagesWithTheLastError() {
		this.emulator.setFaultInjector(Faults.always(Fault.badGatewayHtml()));
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(2, 256_000, LONG_WAIT, 1)
			.retry(fastRetries(3))
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 2));

		assertThat(pushes).allSatisfy((push) -> assertThat(failure(push)).isInstanceOf(QueueServerException.class)
			.hasMessageContaining("502 Bad Gateway"));
		assertThat(this.emulator.requests()).extracting(RecordedRequest::status).containsExactly(502, 502, 502);
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
	}

}
