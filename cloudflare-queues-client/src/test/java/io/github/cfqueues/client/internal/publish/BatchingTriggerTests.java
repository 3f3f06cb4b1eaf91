package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.InvalidMessageException;
import io.github.cfqueues.emulator.RecordedRequest;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.bodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.pushWithoutWaiting;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.sentBatches;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.stored;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.textOfSize;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * When a gathered batch leaves (message count, bytes, the first message's wait, an explicit flush), and how
 * Cloudflare's caps split it whatever the triggers say. The emulator enforces the caps too: a batch over them would
 * be refused.
 */
class BatchingTriggerTests extends EmulatorBackedTests {

	private static final Duration LONG_WAIT = Duration.ofSeconds(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void batchLeavesAsSoonAsItHoldsMaxMessages() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(3, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 7));

		assertThat(pushes.subList(0, 6)).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 3), bodies(3, 6));
		assertThat(pushes.get(6)).isNotDone();

		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);

		assertThat(pushes.get(6)).isCompleted();
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 3), bodies(3, 6), bodies(6, 7));
	}

	@Test
	void batchLeavesAsSoonAsItHoldsMaxBytes() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 1_000, LONG_WAIT, 1)
			.build();
		List<QueueMessage> messages = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			messages.add(textOfSize("m" + i, 500));
		}

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, messages);

		assertThat(pushes.subList(0, 4)).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(sentBatches(this.emulator)).extracting(List::size).containsExactly(2, 2);
		assertThat(pushes.get(4)).isNotDone();
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(stored(this.emulator)).extracting(StoredMessage::sizeBytes).containsOnly(500L).hasSize(5);
	}

	@Test
	void partialBatchLeavesWhenItsFirstMessageHasWaitedMaxWaitAndNotBefore() {
		Duration maxWait = Duration.ofMillis(400);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, maxWait, 1)
			.build();
		Instant firstPush = Instant.now();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 2));

		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		List<RecordedRequest> requests = this.emulator.requests();
		assertThat(requests).extracting(RecordedRequest::path).containsExactly(TestPublishers.BATCH_PATH);
		assertThat(requests.get(0).receivedAt()).isAfterOrEqualTo(firstPush.plus(maxWait));
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 2));
	}

	@Test
	void eachNewBatchWaitsFromItsOwnFirstMessage() {
		Duration maxWait = Duration.ofMillis(300);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, maxWait, 1)
			.build();

		assertThat(pushWithoutWaiting(publisher, texts(0, 1))).allSatisfy(
				(push) -> assertThat(push).succeedsWithin(TIMEOUT));
		Instant secondBatchStart = Instant.now();
		assertThat(pushWithoutWaiting(publisher, texts(1, 3))).allSatisfy(
				(push) -> assertThat(push).succeedsWithin(TIMEOUT));

		List<RecordedRequest> requests = this.emulator.requests();
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 1), bodies(1, 3));
		assertThat(requests.get(1).receivedAt()).isAfterOrEqualTo(secondBatchStart.plus(maxWait));
	}

	@Test
	void aBurstOf250LeavesInBatchesOfAtMost100InOrder() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 250));
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);

		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompleted());
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 100), bodies(100, 200), bodies(200, 250));
		assertThat(this.emulator.requests()).extracting(RecordedRequest::status).containsOnly(200);
	}

	@Test
	void byteCapSplitsBeforeTheMessageThatWouldBreakItEvenBelowTheTriggers() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher,
				List.of(textOfSize("a", 128_000), textOfSize("b", 127_000), textOfSize("c", 1_001)));

		assertThat(pushes.subList(0, 2)).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(pushes.get(2)).isNotDone();
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);

		assertThat(sentBatches(this.emulator)).extracting(List::size).containsExactly(2, 1);
		assertThat(this.emulator.requests()).extracting(RecordedRequest::status).containsOnly(200);
		assertThat(stored(this.emulator)).extracting(StoredMessage::sizeBytes)
			.containsExactly(128_000L, 127_000L, 1_001L);
	}

	@Test
	void batchOfExactlyTheByteCapLeavesWhole() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher,
				List.of(textOfSize("a", 128_000), textOfSize("b", 127_000), textOfSize("c", 1_000)));

		assertThat(pushes).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(sentBatches(this.emulator)).extracting(List::size).containsExactly(3);
		assertThat(this.emulator.requests()).extracting(RecordedRequest::status).containsExactly(200);
	}

	@Test
	void flushOfAnIdlePublisherCompletesWithoutARequest() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator).build();

		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);

		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void perMessageContentTypeAndDelaySurviveBatching() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.build();

		pushWithoutWaiting(publisher, List.of(QueueMessage.text("plain"), QueueMessage.json(new Item(7, "seven")),
				QueueMessage.text("later").withDelay(Duration.ofSeconds(30)),
				QueueMessage.jsonText("[1,2]").withDelay(Duration.ofMinutes(2))));
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);

		List<StoredMessage> messages = stored(this.emulator);
		assertThat(sentBatches(this.emulator)).hasSize(1);
		assertThat(messages).extracting(StoredMessage::contentType, StoredMessage::body)
			.containsExactly(tuple("text", "plain"), tuple("json", "{\"id\":7,\"name\":\"seven\"}"),
					tuple("text", "later"), tuple("json", "[1,2]"));
		assertThat(messages).extracting((message) -> Duration.between(message.enqueuedAt(), message.visibleAt()))
			.containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(2));
	}

	@Test
	void anInvalidMessageFailsAloneAndIsNeverBuffered() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(2, 256_000, LONG_WAIT, 1)
			.build();

		CompletableFuture<MessagePushResponse> first = publisher.push(QueueMessage.text("m0")).toFuture();
		StepVerifier.create(publisher.push(textOfSize("too big", 128_001)))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOf(InvalidMessageException.class)
				.hasMessageContaining("128001"))
			.verify(TIMEOUT);
		CompletableFuture<MessagePushResponse> second = publisher.push(QueueMessage.text("m1")).toFuture();

		assertThat(first).succeedsWithin(TIMEOUT);
		assertThat(second).succeedsWithin(TIMEOUT);
		assertThat(sentBatches(this.emulator)).containsExactly(bodies(0, 2));
	}

	@Test
	void nothingIsSentUntilThePushIsSubscribed() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(1, 256_000, LONG_WAIT, 1)
			.build();

		Mono<MessagePushResponse> cold = publisher.push(QueueMessage.text("cold"));
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.requests()).isEmpty();

		StepVerifier.create(cold).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(sentBatches(this.emulator)).containsExactly(List.of("cold"));
	}

	record Item(int id, String name) {
	}

}
