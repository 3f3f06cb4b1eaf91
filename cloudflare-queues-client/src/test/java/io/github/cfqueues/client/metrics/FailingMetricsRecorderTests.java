package io.github.cfqueues.client.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.FlowControlSettings;
import io.github.cfqueues.client.FlowControlSettings.LimitBehavior;
import io.github.cfqueues.client.InstrumentedClients;
import io.github.cfqueues.client.LogCapture;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.QueueStatus;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.PublisherOverloadedException;
import io.github.cfqueues.client.internal.publish.BatchingPublishers;
import io.github.cfqueues.client.internal.publish.HeldAnswers;
import io.github.cfqueues.client.observation.QueueOperation;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.FaultInjector;
import io.github.cfqueues.emulator.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A metrics recorder that throws from every method costs metrics, never a message: pushes, batches, pulls and acks
 * complete and reach the emulator, and flow control still refuses with its own exception. Each method's first
 * failure is logged at WARN, without any message body.
 */
class FailingMetricsRecorderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	final LogCapture log = LogCapture.of("io.github.cfqueues.client", "DEBUG");

	private final FailingRecorder recorder = new FailingRecorder();

	private CloudflareQueuesEmulator emulator;

	private CloudflareQueuesClient client;

	@BeforeEach
	void start() {
		this.emulator = BatchingPublishers.startEmulator();
	}

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		this.emulator.stop();
	}

	private CloudflareQueuesClient client(FlowControlSettings flowControl) {
		this.client = InstrumentedClients.on(this.emulator)
			.with((builder) -> builder.metricsRecorder(this.recorder).flowControl(flowControl))
			.build();
		return this.client;
	}

	@Test
	void pushesBatchesPullsAndAcksCompleteAndAreStored() {
		CloudflareQueuesClient client = client(FlowControlSettings.DEFAULTS);
		QueuePublisher single = client.publisher("single", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
		QueuePublisher batching = client.publisher("batching", TestPublishers.QUEUE,
				QueuePublisherOptions.builder().batching(BatchingSettings.DEFAULTS).build());

		StepVerifier.create(single.pushText("s1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(batching.pushText("b1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(batching.pushText("b2")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(batching.pushBatch(List.of(QueueMessage.text("p1"), QueueMessage.text("p2"))))
			.assertNext((response) -> assertThat(response).extracting(BatchPushResponse::messageCount).isEqualTo(2))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(storedBodies()).containsExactly("s1", "b1", "b2", "p1", "p2");

		QueueConsumer consumer = client.consumer("single", TestPublishers.QUEUE, QueueConsumerOptions.DEFAULTS);
		List<ReceivedMessage> pulled = consumer.pull(10, Duration.ofSeconds(30)).block(TIMEOUT);
		assertThat(pulled).extracting(ReceivedMessage::bodyAsText).containsExactly("s1", "b1", "b2", "p1", "p2");
		StepVerifier.create(Flux.fromIterable(pulled).flatMap(ReceivedMessage::ack).then())
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE).orElseThrow().acknowledged())
			.extracting(StoredMessage::bodyAsText)
			.containsExactlyInAnyOrder("s1", "b1", "b2", "p1", "p2");

		assertThat(this.recorder.called).contains("queue", "flowControl", "rateLimiter", "pushed", "batchSent",
				"pulled", "settled");
		assertThat(this.log.lines()).filteredOn((line) -> line.startsWith("WARN"))
			.anySatisfy((line) -> assertThat(line).contains("batchSent"))
			.allSatisfy((line) -> assertThat(line).doesNotContain("s1", "b1", "b2", "p1", "p2"));
	}

	@Test
	void flowControlStillRefusesWithItsOwnExceptionWhenFullOrAfterItsMaxWait() {
		CloudflareQueuesClient client = client(
				new FlowControlSettings(100, 256_000, LimitBehavior.WAIT, 1, Duration.ofMillis(50)));
		QueuePublisher publisher = client.publisher("full", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
		HeldAnswers held = new HeldAnswers();
		this.emulator.setFaultInjector(held);
		Mono<BatchPushResponse> hundred = publisher
			.pushBatch(IntStream.range(0, 100).mapToObj((i) -> QueueMessage.text("h" + i)).toList())
			.cache();
		hundred.subscribe((response) -> {
		}, (error) -> {
		});
		await().atMost(TIMEOUT).until(() -> held.arrived() == 1);

		StepVerifier.create(publisher.pushText("waits too long"))
			.expectError(PublisherOverloadedException.class)
			.verify(TIMEOUT);
		held.release();
		StepVerifier.create(hundred).expectNextCount(1).expectComplete().verify(TIMEOUT);
		this.emulator.setFaultInjector(FaultInjector.none());
		StepVerifier.create(publisher.pushText("after")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.recorder.called).contains("flowControlRejected");
	}

	@Test
	void aFullPublisherThatFailsFastRefusesWithItsOwnException() {
		CloudflareQueuesClient client = client(
				new FlowControlSettings(100, 256_000, LimitBehavior.FAIL, 0, Duration.ZERO));
		QueuePublisher publisher = client.publisher("full", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
		HeldAnswers held = new HeldAnswers();
		this.emulator.setFaultInjector(held);
		Mono<BatchPushResponse> hundred = publisher
			.pushBatch(IntStream.range(0, 100).mapToObj((i) -> QueueMessage.text("h" + i)).toList())
			.cache();
		hundred.subscribe((response) -> {
		}, (error) -> {
		});
		await().atMost(TIMEOUT).until(() -> held.arrived() == 1);

		StepVerifier.create(publisher.pushText("no room"))
			.expectError(PublisherOverloadedException.class)
			.verify(TIMEOUT);
		held.release();
		StepVerifier.create(hundred).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.recorder.called).contains("flowControlRejected", "failed");
	}

	private List<String> storedBodies() {
		return BatchingPublishers.storedBodies(this.emulator);
	}

	/**
	 * Throws from every method, and remembers which were called.
	 */
	static final class FailingRecorder implements MetricsRecorder {

		final Set<String> called = ConcurrentHashMap.newKeySet();

		private void fail(String method) {
			this.called.add(method);
			throw new IllegalStateException("The recorder is broken (" + method + ")");
		}

		@Override
		public void queue(String queueName, Supplier<QueueStatus> status) {
			fail("queue");
		}

		@Override
		public void flowControl(String queueName, IntSupplier outstandingMessages, LongSupplier outstandingBytes,
				IntSupplier waiting) {
			fail("flowControl");
		}

		@Override
		public void rateLimiter(String accountId, @Nullable IntSupplier availablePermits, LongSupplier pauses) {
			fail("rateLimiter");
		}

		@Override
		public void pushed(String queueName, int messages) {
			fail("pushed");
		}

		@Override
		public void failed(String queueName, QueueOperation operation, int messages, Throwable error) {
			fail("failed");
		}

		@Override
		public void retried(String queueName, QueueOperation operation, Throwable cause) {
			fail("retried");
		}

		@Override
		public void flowControlRejected(String queueName, String reason) {
			fail("flowControlRejected");
		}

		@Override
		public void permitWaited(String accountId, long waitNanos) {
			fail("permitWaited");
		}

		@Override
		public void permitRefused(String accountId) {
			fail("permitRefused");
		}

		@Override
		public void batchSent(String queueName, int messages, String reason) {
			fail("batchSent");
		}

		@Override
		public void pulled(String queueName, int messages) {
			fail("pulled");
		}

		@Override
		public void settled(String queueName, int acknowledged, int retried) {
			fail("settled");
		}

		@Override
		public void handled(String queueName, String listenerId, long nanos, @Nullable Throwable error) {
			fail("handled");
		}

		@Override
		public void lastDeliveryFailed(String queueName, String listenerId) {
			fail("lastDeliveryFailed");
		}

		@Override
		public void leaseOverrun(String queueName, String listenerId) {
			fail("leaseOverrun");
		}

		@Override
		public void close() {
			fail("close");
		}

	}

}
