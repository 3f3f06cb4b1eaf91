package io.github.cfqueues.client.internal.publish;

import io.github.cfqueues.client.LogCapture;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.PublisherClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;


import static io.github.cfqueues.client.internal.publish.BatchingPublishers.bodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.failure;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.flowOf;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.pushWithoutWaiting;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.storedBodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link BatchingQueuePublisher#flush()} and {@link BatchingQueuePublisher#shutdown(Duration)}: what is buffered is
 * sent and answered; what cannot be answered within the timeout fails with a {@link PublisherClosedException} and a
 * warning that counts it; later pushes fail at once.
 */
class BatchingShutdownTests extends EmulatorBackedTests {

	@RegisterExtension
	final LogCapture log = LogCapture.of("io.github.cfqueues.client", "WARN");

	private static final Duration LONG_WAIT = Duration.ofSeconds(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void flushCompletesOnlyWhenEveryMessagePushedBeforeItIsAnswered() {
		this.emulator.setFaultInjector(this.held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(2, 256_000, LONG_WAIT, 1)
			.build();
		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 5));

		CompletableFuture<Void> flushed = publisher.flush().toFuture();
		await().atMost(TIMEOUT).until(() -> this.held.arrived() == 1);

		assertThat(flushed).isNotDone();
		this.held.release();
		assertThat(flushed).succeedsWithin(TIMEOUT);
		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompleted());
		assertThat(storedBodies(this.emulator)).containsExactlyElementsOf(bodies(0, 5));
	}

	@Test
	void shutdownSendsWhatIsBufferedAndCompletesOnceItIsAnswered() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.build();
		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 150));

		StepVerifier.create(publisher.shutdown(TIMEOUT)).expectComplete().verify(TIMEOUT);

		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompleted());
		assertThat(storedBodies(this.emulator)).containsExactlyElementsOf(bodies(0, 150));
	}

	@Test
	void afterShutdownPushesFailAtOnceAndNothingIsSent() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator).build();
		StepVerifier.create(publisher.shutdown(TIMEOUT)).expectComplete().verify(TIMEOUT);

		CompletableFuture<MessagePushResponse> push = publisher.push(QueueMessage.text("late")).toFuture();
		CompletableFuture<?> batch = publisher.pushBatch(texts(0, 2)).toFuture();

		assertThat(push).isCompletedExceptionally();
		assertThat(batch).isCompletedExceptionally();
		assertThat(failure(push)).isInstanceOf(PublisherClosedException.class).hasMessageContaining("shut down");
		assertThat(failure(batch)).isInstanceOf(BatchPushException.class)
			.hasCauseInstanceOf(PublisherClosedException.class);
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void messagesUnansweredAtTheShutdownTimeoutFailWithPublisherClosedAndAWarningCountsThem() {
		this.emulator.setFaultInjector(this.held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(2, 256_000, LONG_WAIT, 1)
			.build();
		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 5));
		await().atMost(TIMEOUT).until(() -> this.held.arrived() == 1);

		StepVerifier.create(publisher.shutdown(Duration.ofMillis(200))).expectComplete().verify(TIMEOUT);

		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompletedExceptionally());
		assertThat(pushes.subList(0, 2)).allSatisfy((push) -> assertThat(failure(push))
			.isInstanceOf(PublisherClosedException.class)
			.hasMessageContaining("may or may not have been delivered"));
		assertThat(pushes.subList(2, 5)).allSatisfy((push) -> assertThat(failure(push))
			.isInstanceOf(PublisherClosedException.class)
			.hasMessageContaining("Not sent before the shutdown timeout"));
		assertThat(this.log.text()).containsPattern("WARN .*3 buffered messages were not sent and 2 in flight have no answer");
		assertThat(this.held.arrived()).isOne();
		assertThat(flowOf(publisher).outstandingMessages()).isZero();
		assertThat(flowOf(publisher).outstandingBytes()).isZero();
	}

	@Test
	void batchPushesUnansweredAtTheShutdownTimeoutFailWithPublisherClosed() {
		this.emulator.setFaultInjector(this.held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator).build();
		CompletableFuture<?> batch = publisher.pushBatch(texts(0, 3)).toFuture();
		await().atMost(TIMEOUT).until(() -> this.held.arrived() == 1);

		StepVerifier.create(publisher.shutdown(Duration.ofMillis(200))).expectComplete().verify(TIMEOUT);

		assertThat(batch).isCompletedExceptionally();
		assertThat(failure(batch)).isInstanceOf(BatchPushException.class)
			.hasMessageContaining("messages [0..2] were not delivered")
			.cause()
			.isInstanceOf(PublisherClosedException.class)
			.hasMessageContaining("may or may not have been delivered");
		assertThat(flowOf(publisher).outstandingMessages()).isZero();
	}

	@Test
	void shutdownWithNothingBufferedCompletesAtOnceWithoutAWarning() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator).build();

		StepVerifier.create(publisher.shutdown(TIMEOUT)).expectComplete().verify(TIMEOUT);

		assertThat(this.log.text()).doesNotContain("WARN");
		assertThat(this.emulator.requests()).isEmpty();
	}

}
