package io.github.cfqueues.client.internal.flow;

import io.github.cfqueues.client.FlowControlSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.internal.publish.BatchingPublishers;
import io.github.cfqueues.client.internal.publish.EmulatorBackedTests;
import io.github.cfqueues.client.internal.publish.BatchingQueuePublisher;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.error.PublisherOverloadedException;
import io.github.cfqueues.client.FlowControlSettings.LimitBehavior;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.internal.publish.MessageEncoder;
import io.github.cfqueues.client.internal.publish.QueueSender;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import io.github.cfqueues.client.RetrySettings;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.bodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.failure;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.flowOf;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.pushWithoutWaiting;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.sentBatches;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.storedBodies;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.textOfSize;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flow control bounds the messages and bytes a publisher holds (buffered, waiting or in flight): beyond it a push
 * fails fast or waits, without blocking a thread, until answers free room.
 */
class FlowControlTests extends EmulatorBackedTests {

	private static final Duration LONG_WAIT = Duration.ofSeconds(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final FlowControlSettings FAIL_AT_100 = new FlowControlSettings(100, 64L * 1024 * 1024,
			LimitBehavior.FAIL, 10_000,
				Duration.ofSeconds(60));

	private static final FlowControlSettings WAIT_AT_100 = new FlowControlSettings(100, 64L * 1024 * 1024,
			LimitBehavior.WAIT, 10_000,
				Duration.ofSeconds(60));

	@Test
	void failFastRefusesAPushBeyondMaxOutstandingMessagesAndSendsNothingForIt() {
		this.emulator.setFaultInjector(this.held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.flowControl(FAIL_AT_100)
			.build();
		List<CompletableFuture<MessagePushResponse>> admitted = pushWithoutWaiting(publisher, texts(0, 100));
		await().atMost(TIMEOUT).until(() -> this.held.arrived() == 1);

		StepVerifier.create(publisher.push(QueueMessage.text("refused")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PublisherOverloadedException.class)
				.hasMessageContaining("holds 100 messages")
				.hasMessageContaining("flow-control.max-outstanding-messages 100")
				.satisfies((overloaded) -> assertThat(((PublisherOverloadedException) overloaded).isRetryable())
					.isTrue()))
			.verify(TIMEOUT);

		this.held.release();
		assertThat(admitted).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(flowOf(publisher).outstandingMessages()).isZero();
		CompletableFuture<MessagePushResponse> later = publisher.push(QueueMessage.text("later")).toFuture();
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(later).isCompleted();
		List<String> expected = new ArrayList<>(bodies(0, 100));
		expected.add("later");
		assertThat(storedBodies(this.emulator)).containsExactlyElementsOf(expected);
	}

	@Test
	void failFastRefusesAPushBeyondMaxOutstandingBytes() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.flowControl(new FlowControlSettings(10_000, 256_000, LimitBehavior.FAIL, 10_000,
				Duration.ofSeconds(60)))
			.build();
		List<CompletableFuture<MessagePushResponse>> admitted = pushWithoutWaiting(publisher,
				List.of(textOfSize("a", 100_000), textOfSize("b", 100_000)));

		StepVerifier.create(publisher.push(textOfSize("c", 100_000)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PublisherOverloadedException.class)
				.hasMessageContaining("200000 bytes")
				.hasMessageContaining("max-outstanding-bytes 256000B"))
			.verify(TIMEOUT);
		assertThat(flowOf(publisher).outstandingBytes()).isEqualTo(200_000);

		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(admitted).allSatisfy((push) -> assertThat(push).isCompleted());
		assertThat(sentBatches(this.emulator)).singleElement()
			.satisfies((batch) -> assertThat(batch).extracting((body) -> body.charAt(0)).containsExactly('a', 'b'));
		assertThat(flowOf(publisher).outstandingBytes()).isZero();
	}

	@Test
	void waitingPushesHoldNoThreadAndAreSentInOrderOnceAnswersFreeRoom() {
		this.emulator.setFaultInjector(this.held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(50, 256_000, LONG_WAIT, 1)
			.flowControl(WAIT_AT_100)
			.build();

		// Every push returns at once on this thread although the server answers nothing yet.
		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, texts(0, 150));
		await().atMost(TIMEOUT).until(() -> this.held.arrived() == 1);

		FlowController flow = flowOf(publisher);
		assertThat(flow.outstandingMessages()).isEqualTo(100);
		assertThat(flow.waiting()).isEqualTo(50);
		assertThat(pushes).noneMatch(CompletableFuture::isDone);

		this.held.release();
		assertThat(pushes.subList(0, 100)).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompleted());
		assertThat(storedBodies(this.emulator)).containsExactlyElementsOf(bodies(0, 150));
		assertThat(flow.outstandingMessages()).isZero();
		assertThat(flow.waiting()).isZero();
	}

	@Test
	void aWaitingPushThatIsCancelledLeavesTheQueueOfWaitersAndIsNeverSent() {
		this.emulator.setFaultInjector(this.held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.flowControl(WAIT_AT_100)
			.build();
		List<CompletableFuture<MessagePushResponse>> admitted = pushWithoutWaiting(publisher, texts(0, 100));
		Disposable cancelled = publisher.push(QueueMessage.text("cancelled")).subscribe();
		CompletableFuture<MessagePushResponse> waiting = publisher.push(QueueMessage.text("waiting")).toFuture();
		assertThat(flowOf(publisher).waiting()).isEqualTo(2);

		cancelled.dispose();

		assertThat(flowOf(publisher).waiting()).isOne();
		this.held.release();
		assertThat(admitted).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(waiting).isCompleted();
		assertThat(storedBodies(this.emulator)).doesNotContain("cancelled").endsWith("m99", "waiting");
	}

	@Test
	void shutdownFailsPushesStillWaitingForRoom() {
		this.emulator.setFaultInjector(this.held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(100, 256_000, LONG_WAIT, 1)
			.flowControl(WAIT_AT_100)
			.build();
		pushWithoutWaiting(publisher, texts(0, 100));
		List<CompletableFuture<MessagePushResponse>> waiting = pushWithoutWaiting(publisher, texts(100, 103));

		CompletableFuture<Void> shutdown = publisher.shutdown(TIMEOUT).toFuture();

		assertThat(waiting).allSatisfy((push) -> assertThat(failure(push)).isInstanceOf(PublisherClosedException.class)
			.hasMessageContaining("waited for room"));
		this.held.release();
		assertThat(shutdown).succeedsWithin(TIMEOUT);
		assertThat(storedBodies(this.emulator)).containsExactlyElementsOf(bodies(0, 100));
	}

	@Test
	void singlePushesWithoutBatchingAreBoundedToo() {
		this.emulator.setFaultInjector(this.held);
		QueuePublisher publisher = directPublisher(new FlowControlSettings(100, 64L * 1024 * 1024,
				LimitBehavior.FAIL, 10_000,
				Duration.ofSeconds(60)));
		List<CompletableFuture<MessagePushResponse>> admitted = pushWithoutWaiting(publisher, texts(0, 100));

		StepVerifier.create(publisher.push(QueueMessage.text("refused")))
			.expectError(PublisherOverloadedException.class)
			.verify(TIMEOUT);

		this.held.release();
		assertThat(admitted).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(storedBodies(this.emulator)).hasSize(100).doesNotContain("refused");
	}

	private QueuePublisher directPublisher(FlowControlSettings flowControl) {
		TestPublishers server = TestPublishers.at("http://127.0.0.1:" + this.emulator.port());
		MessageEncoder encoder = new MessageEncoder(server.endpoint(), QueuePublisherOptions.DEFAULTS,
				new JacksonBodySerializer(new JsonMapper()));
		QueueSender sender = new QueueSender(server.endpoint(), server.api(), RequestGate.OPEN,
				new RetryPolicy(RetrySettings.none()), RetryListener.NONE);
		return new DefaultQueuePublisher(encoder, sender, new FlowController(flowControl, server.endpoint()));
	}

}
