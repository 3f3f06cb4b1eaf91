package io.github.cfqueues.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ConsumerSemanticsTests extends RunningEmulator {

	private static final String LEASE_SUPERSEDED = "lease superseded: the message was delivered again under a "
			+ "newer lease; an older lease can still acknowledge it but not retry it";

	@Test
	void pullThatLeavesOptionsOutUsesTheConsumersBatchSizeAndVisibilityTimeout() {
		this.queue.configureConsumer(
				ConsumerSettings.defaults().withBatchSize(2).withVisibilityTimeout(Duration.ofMillis(1500)));
		pushTexts(3);

		JsonNode messages = pull("{}");

		assertThat(messages).hasSize(2);
		assertThat(this.queue.messages().get(0).leaseExpiresAt()).isEqualTo(this.clock.instant().plusMillis(1500));
		assertThat(pull("{\"batch_size\":5,\"visibility_timeout_ms\":10}")).hasSize(1);
	}

	@Test
	void leaseThatRunsOutRedeliversTheMessageWithOneMoreAttempt() {
		pushTexts(1);
		JsonNode first = pull("{\"visibility_timeout_ms\":5000}").get(0);
		this.clock.advanceMillis(4_999);
		assertThat(pull("{}")).isEmpty();

		this.clock.advanceMillis(1);
		JsonNode second = pull("{}").get(0);

		assertThat(first.get("attempts").intValue()).isEqualTo(1);
		assertThat(second.get("attempts").intValue()).isEqualTo(2);
		assertThat(second.get("id").stringValue()).isEqualTo(first.get("id").stringValue());
		assertThat(second.get("lease_id").stringValue()).isNotEqualTo(first.get("lease_id").stringValue());
	}

	@Test
	void retryWithoutDelayWaitsForTheConsumersRetryDelay() {
		this.queue.configureConsumer(ConsumerSettings.defaults().withRetryDelay(Duration.ofSeconds(20)));
		pushTexts(1);

		retry(pull("{}").get(0), null);

		this.clock.advanceSeconds(19);
		assertThat(pull("{}")).isEmpty();
		this.clock.advanceSeconds(1);
		JsonNode again = pull("{}");
		assertThat(again).hasSize(1);
		assertThat(again.get(0).get("attempts").intValue()).isEqualTo(2);
		assertThat(this.queue.retried()).singleElement().satisfies((retried) -> {
			assertThat(retried.delay()).isEqualTo(Duration.ofSeconds(20));
			assertThat(retried.retriedAt()).isEqualTo(MutableClock.START);
			assertThat(retried.message().attempts()).isEqualTo(1);
		});
	}

	@Test
	void retryWithAnExplicitZeroDelayOverridesTheConsumersRetryDelay() {
		this.queue.configureConsumer(ConsumerSettings.defaults().withRetryDelay(Duration.ofSeconds(20)));
		pushTexts(1);

		retry(pull("{}").get(0), 0L);

		assertThat(pull("{}")).hasSize(1);
		assertThat(this.queue.retried()).extracting(RetriedMessage::delay).containsExactly(Duration.ZERO);
	}

	@Test
	void ackWithAnOldLeaseAfterRedeliveryRemovesTheMessageOnce() {
		pushTexts(1);
		JsonNode first = pull("{\"visibility_timeout_ms\":1000}").get(0);
		this.clock.advanceSeconds(1);
		JsonNode second = pull("{\"visibility_timeout_ms\":1000}").get(0);
		this.clock.advanceSeconds(1);
		JsonNode third = pull("{}").get(0);

		assertSuccess(ack(first), "{\"ackCount\":1,\"retryCount\":0,\"warnings\":{}}");

		assertThat(this.queue.messages()).isEmpty();
		assertThat(ApiClient.result(ack(second)).get("ackCount").intValue()).isZero();
		assertThat(ApiClient.result(ack(third)).get("ackCount").intValue()).isZero();
		assertThat(this.queue.acknowledged()).singleElement()
			.satisfies((message) -> assertThat(message.attempts()).isEqualTo(3));
	}

	@Test
	void onlyTheLatestLeaseMayRetry() {
		pushTexts(1);
		JsonNode first = pull("{\"visibility_timeout_ms\":1000}").get(0);
		this.clock.advanceSeconds(1);
		JsonNode second = pull("{}").get(0);
		String firstLease = first.get("lease_id").stringValue();

		assertSuccess(this.client.ack("{\"retries\":[{\"lease_id\":\"" + firstLease + "\"}]}"),
				"{\"ackCount\":0,\"retryCount\":0,\"warnings\":{\"" + firstLease + "\":\"" + LEASE_SUPERSEDED + "\"}}");
		assertThat(this.queue.messages().get(0).leaseId()).isEqualTo(second.get("lease_id").stringValue());
		assertThat(ApiClient.result(ack(first)).get("ackCount").intValue()).isEqualTo(1);
	}

	@Test
	void retryOfTheLatestLeaseIsAcceptedAfterItsTimeoutUntilTheMessageIsPulledAgain() {
		pushTexts(1);
		JsonNode message = pull("{\"visibility_timeout_ms\":1000}").get(0);
		this.clock.advanceSeconds(5);

		assertThat(ApiClient.result(retry(message, 10L)).get("retryCount").intValue()).isEqualTo(1);
		assertThat(pull("{}")).isEmpty();
	}

	@Test
	void messageIsDeliveredMaxRetriesPlusOneTimesThenMovesToTheDeadLetterQueue() {
		EmulatedQueue deadLetters = this.emulator.createQueue(ApiClient.ACCOUNT, "dlq1", "failed-orders");
		this.queue
			.configureConsumer(ConsumerSettings.defaults().withMaxRetries(2).withDeadLetterQueue("failed-orders"));
		this.client.push("{\"body\":{\"order\":7}}");

		for (int attempt = 1; attempt <= 3; attempt++) {
			JsonNode message = pull("{}").get(0);
			assertThat(message.get("attempts").intValue()).isEqualTo(attempt);
			assertThat(ApiClient.result(retry(message, 0L)).get("retryCount").intValue()).isEqualTo(1);
		}

		assertThat(pull("{}")).isEmpty();
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.queue.retried()).hasSize(3);
		assertThat(this.queue.deadLettered()).singleElement().satisfies((moved) -> {
			assertThat(moved.deadLetterQueue()).isEqualTo("failed-orders");
			assertThat(moved.message().attempts()).isEqualTo(3);
			assertThat(moved.movedAt()).isEqualTo(MutableClock.START);
		});
		assertThat(deadLetters.messages()).singleElement().satisfies((moved) -> {
			assertThat(moved.body()).isEqualTo("{\"order\":7}");
			assertThat(moved.contentType()).isEqualTo(StoredMessage.JSON);
			assertThat(moved.attempts()).isZero();
			assertThat(moved.id()).isNotEqualTo(this.queue.received().get(0).id());
		});
		assertThat(deadLetters.received()).hasSize(1);
	}

	@Test
	void leaseRunningOutOnTheLastDeliveryMovesTheMessageWithoutAnotherPull() {
		this.emulator.createQueue(ApiClient.ACCOUNT, "dlq1", "dead");
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0).withDeadLetterQueue("dead"));
		this.client.push(Bodies.text("once").toString());
		pull("{\"visibility_timeout_ms\":10000}");

		this.clock.advanceSeconds(10);

		JsonNode deadLetterMetrics = ApiClient.result(this.client.get(ApiClient.queuePath(ApiClient.ACCOUNT, "dlq1",
				"metrics")));
		assertThat(deadLetterMetrics.get("backlog_count").intValue()).isEqualTo(1);
		assertThat(ApiClient.result(this.client.metrics()).get("backlog_count").intValue()).isZero();
		JsonNode moved = ApiClient.result(this.client.post(ApiClient.queuePath(ApiClient.ACCOUNT, "dlq1",
				"messages/pull"), "{}")).get("messages").get(0);
		assertThat(moved.get("body").stringValue()).isEqualTo("once");
		assertThat(moved.get("attempts").intValue()).isEqualTo(1);
		assertThat(moved.get("timestamp_ms").longValue()).isEqualTo(MutableClock.START.plusSeconds(10).toEpochMilli());
	}

	@Test
	void byDefaultAMessageIsDeliveredFourTimesThenDropped() {
		pushTexts(1);

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(pull("{\"visibility_timeout_ms\":0}").get(0).get("attempts").intValue()).isEqualTo(attempt);
		}

		assertThat(pull("{}")).isEmpty();
		assertThat(this.queue.dropped()).singleElement().satisfies((dropped) -> {
			assertThat(dropped.reason()).isEqualTo(DroppedMessage.Reason.RETRIES_EXHAUSTED);
			assertThat(dropped.message().attempts()).isEqualTo(4);
		});
	}

	@Test
	void messageOutOfRetriesIsDroppedWhenItsDeadLetterQueueDoesNotExist() {
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0).withDeadLetterQueue("nowhere"));
		pushTexts(1);

		retry(pull("{}").get(0), 0L);

		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.queue.deadLettered()).isEmpty();
		assertThat(this.queue.dropped()).extracting(DroppedMessage::reason)
			.containsExactly(DroppedMessage.Reason.DEAD_LETTER_QUEUE_MISSING);
	}

	@Test
	void lowerRetryLimitAppliesToMessagesAlreadyDeliveredMoreOften() {
		pushTexts(1);
		pull("{\"visibility_timeout_ms\":0}");
		pull("{\"visibility_timeout_ms\":0}");

		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0));

		assertThat(pull("{}")).isEmpty();
		assertThat(this.queue.dropped()).hasSize(1);
	}

	@Test
	void deadLetteredMessageWaitsForTheDeliveryDelayOfItsNewQueue() {
		EmulatedQueue deadLetters = this.emulator.createQueue(ApiClient.ACCOUNT, "dlq1", "dead");
		deadLetters.updateSettings(QueueSettings.defaults().withDeliveryDelay(Duration.ofSeconds(30)));
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0).withDeadLetterQueue("dead"));
		pushTexts(1);

		retry(pull("{}").get(0), 0L);

		assertThat(deadLetters.messages()).singleElement()
			.satisfies((message) -> assertThat(message.visibleAt()).isEqualTo(MutableClock.START.plusSeconds(30)));
	}

	@Test
	void deliveryDelayAppliesToMessagesPushedWithoutADelay() {
		this.queue.updateSettings(QueueSettings.defaults().withDeliveryDelay(Duration.ofSeconds(60)));

		this.client.push(Bodies.text("default").toString());
		this.client.push(Bodies.text("explicit zero", 0).toString());
		this.client.batch(Bodies.batch(List.of(Bodies.text("batch default"))));
		this.client.batch("{\"delay_seconds\":5,\"messages\":[{\"body\":\"batch delay\",\"content_type\":\"text\"}]}");

		assertThat(this.queue.messages()).extracting(StoredMessage::body, StoredMessage::visibleAt)
			.containsExactly(tuple("default", MutableClock.START.plusSeconds(60)),
					tuple("explicit zero", MutableClock.START),
					tuple("batch default", MutableClock.START.plusSeconds(60)),
					tuple("batch delay", MutableClock.START.plusSeconds(5)));
	}

	@Test
	void messagesOlderThanTheRetentionPeriodAreDropped() {
		this.queue.updateSettings(QueueSettings.defaults().withMessageRetentionPeriod(Duration.ofSeconds(60)));
		this.client.push(Bodies.text("old").toString());
		this.clock.advanceSeconds(30);
		this.client.push(Bodies.text("young").toString());
		pull("{\"batch_size\":1,\"visibility_timeout_ms\":3600000}");

		this.clock.advanceSeconds(30);

		assertSuccess(this.client.metrics(), "{\"backlog_count\":1,\"backlog_bytes\":105,"
				+ "\"oldest_message_timestamp_ms\":" + MutableClock.START.plusSeconds(30).toEpochMilli() + "}");
		assertThat(this.queue.dropped()).singleElement().satisfies((dropped) -> {
			assertThat(dropped.message().body()).isEqualTo("old");
			assertThat(dropped.reason()).isEqualTo(DroppedMessage.Reason.RETENTION_PERIOD_EXPIRED);
			assertThat(dropped.droppedAt()).isEqualTo(MutableClock.START.plusSeconds(60));
		});
	}

	@Test
	void historyRecordsEveryMessageReceivedAndWhatBecameOfIt() {
		pushTexts(3);
		JsonNode messages = pull("{\"batch_size\":2}");
		ack(messages.get(0));
		retry(messages.get(1), 5L);

		assertThat(this.queue.received()).extracting(StoredMessage::body).containsExactly("m0", "m1", "m2");
		assertThat(this.queue.received()).allSatisfy((message) -> assertThat(message.attempts()).isZero());
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::body).containsExactly("m0");
		assertThat(this.queue.retried()).extracting((retried) -> retried.message().body(), RetriedMessage::delay)
			.containsExactly(tuple("m1", Duration.ofSeconds(5)));
		assertThat(this.queue.messages()).extracting(StoredMessage::body).containsExactly("m1", "m2");
	}

	@Test
	void historyListsAreImmutableSnapshotsAndClearForgetsThem() {
		pushTexts(1);
		List<StoredMessage> received = this.queue.received();
		pushTexts(1);

		assertThat(received).hasSize(1);
		assertThat(received).isUnmodifiable();
		assertThat(this.queue.dropped()).isUnmodifiable();
		this.queue.clear();
		assertThat(this.queue.received()).isEmpty();
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void pullAndAckAreRefusedWhileTheQueueHasNoHttpPullConsumer() {
		pushTexts(1);
		String lease = pull("{}").get(0).get("lease_id").stringValue();

		this.queue.removeConsumer();

		String refusal = "HTTP pull is not enabled on queue queue1 (queue1): create a consumer of type 'http_pull' "
				+ "on the queue to pull and acknowledge messages over HTTP";
		assertError(this.client.pull("{}"), 400, 11013, refusal);
		assertError(this.client.ack("{\"acks\":[{\"lease_id\":\"" + lease + "\"}]}"), 400, 11013, refusal);
		assertThat(this.client.push(Bodies.text("still accepted").toString()).statusCode()).isEqualTo(200);
		assertThat(this.queue.consumer()).isEmpty();

		this.queue.configureConsumer(ConsumerSettings.defaults());
		assertThat(ApiClient.result(this.client.ack("{\"acks\":[{\"lease_id\":\"" + lease + "\"}]}"))
			.get("ackCount")
			.intValue()).isEqualTo(1);
	}

	private void pushTexts(int count) {
		for (int i = 0; i < count; i++) {
			this.client.push(Bodies.text("m" + i).toString());
		}
	}

	private JsonNode pull(String body) {
		return ApiClient.result(this.client.pull(body)).get("messages");
	}

	private HttpResponse<String> ack(JsonNode message) {
		return this.client.ack("{\"acks\":[{\"lease_id\":\"" + message.get("lease_id").stringValue() + "\"}]}");
	}

	private HttpResponse<String> retry(JsonNode message, Long delaySeconds) {
		String delay = (delaySeconds != null) ? ",\"delay_seconds\":" + delaySeconds : "";
		return this.client
			.ack("{\"retries\":[{\"lease_id\":\"" + message.get("lease_id").stringValue() + "\"" + delay + "}]}");
	}

}
