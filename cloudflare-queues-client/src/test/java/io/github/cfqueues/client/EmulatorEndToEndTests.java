package io.github.cfqueues.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.cfqueues.client.error.InvalidMessageException;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.RecordedRequest;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The real client against the emulator, for what the emulator models better than a stub: messages stored as sent,
 * backlog metrics, batch splitting as the server sees it, the size rule on both sides, and the server's errors.
 */
class EmulatorEndToEndTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static CloudflareQueuesEmulator emulator;

	private static String serverUrl;

	@BeforeAll
	static void startEmulator() {
		emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.start();
		serverUrl = serverUrl(emulator);
	}

	@AfterAll
	static void stopEmulator() {
		emulator.stop();
	}

	@BeforeEach
	void emptyQueue() {
		emulator.reset();
	}

	private static String serverUrl(CloudflareQueuesEmulator emulator) {
		return "http://127.0.0.1:" + emulator.port();
	}

	private static QueuePublisher publisher() {
		return TestPublishers.at(serverUrl).build();
	}

	private static EmulatedQueue queue() {
		return emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE).orElseThrow();
	}

	@Test
	void textJsonAndDelayedPushesAreStoredExactlyAsSent() {
		QueuePublisher publisher = publisher();
		publisher.pushText("hello \"queue\" é ✓").block(TIMEOUT);
		publisher.pushJson(new Order(42, "Widget", List.of("gift"))).block(TIMEOUT);
		publisher.push(QueueMessage.jsonText("[1,2,3]")).block(TIMEOUT);
		publisher.push(QueueMessage.text("later").withDelay(Duration.ofSeconds(30))).block(TIMEOUT);

		List<StoredMessage> messages = queue().messages();
		assertThat(messages).extracting(StoredMessage::contentType, StoredMessage::body)
			.containsExactly(tuple("text", "hello \"queue\" é ✓"),
					tuple("json", "{\"id\":42,\"item\":\"Widget\",\"tags\":[\"gift\"]}"), tuple("json", "[1,2,3]"),
					tuple("text", "later"));
		assertThat(messages.subList(0, 3)).allSatisfy(
				(message) -> assertThat(message.visibleAt()).isEqualTo(message.enqueuedAt()));
		assertThat(messages.get(3).visibleAt()).isEqualTo(messages.get(3).enqueuedAt().plusSeconds(30));
	}

	@Test
	void batchMessagesKeepTheirOrderContentTypesAndDelays() {
		publisher().pushBatch(List.of(QueueMessage.text("first"), QueueMessage.json(new Order(1, "a", List.of())),
				QueueMessage.text("delayed").withDelay(Duration.ofMinutes(5))))
			.block(TIMEOUT);

		List<StoredMessage> messages = queue().messages();
		assertThat(messages).extracting(StoredMessage::contentType, StoredMessage::body)
			.containsExactly(tuple("text", "first"), tuple("json", "{\"id\":1,\"item\":\"a\",\"tags\":[]}"),
					tuple("text", "delayed"));
		assertThat(messages.get(1).visibleAt()).isEqualTo(messages.get(1).enqueuedAt());
		assertThat(messages.get(2).visibleAt()).isEqualTo(messages.get(2).enqueuedAt().plusSeconds(300));
	}

	@Test
	void metricsInEachAnswerMatchTheQueuesBacklog() {
		QueuePublisher publisher = publisher();
		QueueMetrics afterFirst = publisher.pushText("one").block(TIMEOUT).metrics();
		assertThat(afterFirst).isEqualTo(backlog());
		assertThat(afterFirst.backlogCount()).isEqualTo(1);
		assertThat(afterFirst.backlogBytes()).isEqualTo(103);

		QueueMetrics afterBatch = publisher.pushBatch(List.of(QueueMessage.text("two"), QueueMessage.json(3)))
			.block(TIMEOUT)
			.metrics();
		assertThat(afterBatch).isEqualTo(backlog());
		assertThat(afterBatch.backlogCount()).isEqualTo(3);
		assertThat(afterBatch.oldestMessageTimestamp()).isEqualTo(afterFirst.oldestMessageTimestamp());
	}

	private static QueueMetrics backlog() {
		EmulatedQueue queue = queue();
		return new QueueMetrics(queue.backlogCount(), queue.backlogBytes(),
				queue.oldestMessageTimestamp().orElseThrow());
	}

	@Test
	void aBatchOf250ArrivesCompleteAndInOrderInThreeRequests() {
		List<QueueMessage> messages = IntStream.range(0, 250).mapToObj((i) -> QueueMessage.text("m" + i)).toList();

		BatchPushResponse response = publisher().pushBatch(messages).block(TIMEOUT);

		assertThat(response.messageCount()).isEqualTo(250);
		assertThat(response.requestCount()).isEqualTo(3);
		assertThat(queue().messages()).extracting(StoredMessage::body)
			.containsExactlyElementsOf(IntStream.range(0, 250).mapToObj((i) -> "m" + i).toList());
		assertThat(emulator.requests()).extracting(RecordedRequest::path, RecordedRequest::status)
			.containsExactly(tuple(TestPublishers.BATCH_PATH, 200), tuple(TestPublishers.BATCH_PATH, 200),
					tuple(TestPublishers.BATCH_PATH, 200));
		assertThat(response.metrics().backlogCount()).isEqualTo(250);
	}

	@Test
	void messagesOfExactlyTheSizeLimitAreAcceptedByClientAndEmulator() {
		String text = "é".repeat(1_000) + "a".repeat(128_000 - 100 - 2_000);
		String jsonString = "a".repeat(128_000 - 100 - 2);
		QueuePublisher publisher = publisher();

		publisher.pushText(text).block(TIMEOUT);
		publisher.pushJson(jsonString).block(TIMEOUT);

		assertThat(queue().messages()).extracting(StoredMessage::sizeBytes).containsExactly(128_000L, 128_000L);
	}

	@Test
	void aMessageOneByteOverTheLimitIsRejectedBeforeAnyRequest() {
		String text = "a".repeat(128_000 - 100 + 1);

		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> publisher().pushText(text).block(TIMEOUT))
			.withMessageContaining("128001");
		assertThat(emulator.requests()).isEmpty();
	}

	@Test
	void anUnknownQueueFailsWithQueueNotFound() {
		try (CloudflareQueuesEmulator empty = CloudflareQueuesEmulator.builder().apiToken(TestPublishers.TOKEN).start()) {
			assertThatExceptionOfType(QueueNotFoundException.class)
				.isThrownBy(() -> TestPublishers.at(serverUrl(empty)).build().pushText("lost").block(TIMEOUT))
				.satisfies((ex) -> {
					assertThat(ex.getHttpStatus()).isEqualTo(404);
					assertThat(ex.getDetails().hasCode(10104)).isTrue();
					assertThat(ex.getCfRay()).isNotBlank();
					assertThat(ex.isRetryable()).isFalse();
				});
		}
	}

	@Test
	void aWrongTokenFailsWithAuthenticationErrorThatDoesNotShowTheToken() {
		String wrongToken = "wrong-token-0815";
		QueuePublisher publisher = TestPublishers.at(serverUrl)
			.credentials(CloudflareCredentials.apiToken(wrongToken))
			.build();

		assertThatExceptionOfType(QueueAuthenticationException.class)
			.isThrownBy(() -> publisher.pushText("x").block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(403);
				assertThat(ex.getDetails().hasCode(10000)).isTrue();
				assertThat(ex.isRetryable()).isFalse();
			})
			.withMessageNotContaining(wrongToken);
		assertThat(queue().messages()).isEmpty();
	}

	@Test
	void theAccountRateLimitAnswerFailsWithItsRetryAfterWithoutWaitingLongerThanMaxWait() {
		try (CloudflareQueuesEmulator limited = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.accountRateLimit(2, Duration.ofMinutes(5), Duration.ofMinutes(5))
			.start()) {
			QueuePublisher publisher = TestPublishers.at(serverUrl(limited)).retry(RetrySettings.DEFAULTS).build();
			publisher.pushText("1").block(TIMEOUT);
			publisher.pushText("2").block(TIMEOUT);

			assertThatExceptionOfType(QueueRateLimitedException.class)
				.isThrownBy(() -> publisher.pushText("3").block(TIMEOUT))
				.satisfies((ex) -> {
					assertThat(ex.getHttpStatus()).isEqualTo(429);
					assertThat(ex.getDetails().hasCode(971)).isTrue();
					assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMinutes(5));
					assertThat(ex.isAccountWide()).isTrue();
					assertThat(ex.isRetryable()).isTrue();
				});
			assertThat(limited.requests()).extracting(RecordedRequest::status).containsExactly(200, 200, 429);
		}
	}

	record Order(int id, String item, List<String> tags) {
	}

}
