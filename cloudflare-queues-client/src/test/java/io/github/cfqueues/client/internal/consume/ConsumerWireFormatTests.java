package io.github.cfqueues.client.internal.consume;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.MessageAckException;
import io.github.cfqueues.client.error.MessageConversionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a consumer sends and how it reads what comes back: the exact pull and ack requests, the decoding of each
 * content type, both shapes of Cloudflare's warnings, and the limits checked before any request.
 */
class ConsumerWireFormatTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final QueueConsumerOptions NO_GATHERING = QueueConsumerOptions.builder()
		.ackMaxWait(Duration.ofSeconds(30))
		.build();

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private QueueConsumer consumer;

	private static QueueConsumer consumer(QueueConsumerOptions options) {
		return TestPublishers.at(server.baseUrl()).consumer(options);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void answerPull(String messages, String extra) {
		server.stubFor(post(urlEqualTo(TestPublishers.PULL_PATH)).willReturn(okJson("""
				{"success":true,"errors":[],"messages":[],"result":{%s"messages":[%s]}}""".formatted(extra, messages))));
	}

	private static String message(String id, String contentType, String body, int attempts) {
		return """
				{"id":"%s","body":"%s","attempts":%d,"timestamp_ms":1700000000000,"lease_id":"lease-%s",
				 "metadata":{"CF-Content-Type":"%s","CF-sourceMessageSource":"api"}}""".formatted(id, body, attempts, id,
				contentType);
	}

	@Test
	void pullSendsTheBatchSizeAndVisibilityTimeoutAsJsonWithTheCredentials() {
		answerPull("", "\"message_backlog_count\":0,");

		StepVerifier.create(consumer(QueueConsumerOptions.DEFAULTS).pull())
			.expectNext(List.of())
			.verifyComplete();
		StepVerifier.create(consumer(QueueConsumerOptions.DEFAULTS).pull(3, Duration.ofSeconds(90)))
			.expectNext(List.of())
			.verifyComplete();

		server.verify(postRequestedFor(urlEqualTo(TestPublishers.PULL_PATH))
			.withHeader("Authorization", equalTo("Bearer " + TestPublishers.TOKEN))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"batch_size\":10,\"visibility_timeout_ms\":30000}", false, false)));
		server.verify(postRequestedFor(urlEqualTo(TestPublishers.PULL_PATH))
			.withRequestBody(equalToJson("{\"batch_size\":3,\"visibility_timeout_ms\":90000}", false, false)));
	}

	@Test
	void eachContentTypeIsDecodedAndAMissingBacklogCountIsFine() {
		answerPull(String.join(",", message("t1", "text", "plain \\\"text\\\"", 1),
				message("j1", "json", base64("{\"id\":7,\"item\":\"blue\"}"), 2),
				message("b1", "bytes", base64("\u0000\u0001raw"), 1), message("v1", "v8", base64("opaque"), 1)), "");

		List<ReceivedMessage> messages = consumer(QueueConsumerOptions.DEFAULTS).pull().block(TIMEOUT);

		assertThat(messages).extracting(ReceivedMessage::id).containsExactly("t1", "j1", "b1", "v1");
		ReceivedMessage text = messages.get(0);
		assertThat(text.contentType()).isEqualTo(MessageContentType.TEXT);
		assertThat(text.bodyAsText()).isEqualTo("plain \"text\"");
		assertThat(text.bodyAs(String.class)).isEqualTo("plain \"text\"");
		assertThat(text.leaseId()).isEqualTo("lease-t1");
		assertThat(text.timestamp()).hasToString("2023-11-14T22:13:20Z");
		assertThat(text.metadata()).containsEntry("CF-sourceMessageSource", "api");
		ReceivedMessage json = messages.get(1);
		assertThat(json.contentType()).isEqualTo(MessageContentType.JSON);
		assertThat(json.attempts()).isEqualTo(2);
		assertThat(json.bodyAsText()).isEqualTo("{\"id\":7,\"item\":\"blue\"}");
		assertThat(json.bodyAs(Order.class)).isEqualTo(new Order(7, "blue"));
		assertThat(json.bodyAs(new ParameterizedTypeReference<Map<String, Object>>() {
		})).containsEntry("item", "blue");
		ReceivedMessage bytes = messages.get(2);
		assertThat(bytes.contentType()).isNull();
		assertThat(bytes.contentTypeName()).isEqualTo("bytes");
		assertThat(bytes.bodyAsBytes()).containsExactly(0, 1, 'r', 'a', 'w');
		ReceivedMessage v8 = messages.get(3);
		assertThat(v8.contentTypeName()).isEqualTo("v8");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> v8.bodyAs(Order.class))
			.withMessageContaining("Message v1 (content type 'v8') could not be read as ")
			.withMessageContaining(Order.class.getName())
			.satisfies((ex) -> assertThat(ex.getMessageId()).isEqualTo("v1"));
	}

	@Test
	void aBodyThatIsNotTheTypeAskedForFailsNamingTheMessageAndTheType() {
		answerPull(message("j2", "json", base64("[1,2]"), 1), "");

		ReceivedMessage message = consumer(QueueConsumerOptions.DEFAULTS).pull().block(TIMEOUT).get(0);

		org.assertj.core.api.Assertions.assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> message.bodyAs(Order.class))
			.withMessageStartingWith("Message j2 (content type 'json') could not be read as " + Order.class.getName())
			.satisfies((ex) -> assertThat(ex.getTargetType()).isEqualTo(Order.class));
	}

	@Test
	void settlementsTravelTogetherInOneAckRequest() {
		answerPull(String.join(",", message("m1", "text", "a", 1), message("m2", "text", "b", 1),
				message("m3", "text", "c", 1)), "");
		server.stubFor(post(urlEqualTo(TestPublishers.ACK_PATH))
			.willReturn(okJson("{\"success\":true,\"result\":{\"ackCount\":1,\"retryCount\":2,\"warnings\":{}}}")));
		QueueConsumer consumer = consumer(NO_GATHERING);
		List<ReceivedMessage> messages = consumer.pull().block(TIMEOUT);

		Mono<Void> settled = Mono.when(messages.get(0).ack(), messages.get(1).retry(Duration.ofSeconds(30)),
				messages.get(2).retry());
		StepVerifier.create(settled.and(consumer.flush())).verifyComplete();

		server.verify(1, postRequestedFor(urlEqualTo(TestPublishers.ACK_PATH)).withRequestBody(equalToJson("""
				{"acks":[{"lease_id":"lease-m1"}],
				 "retries":[{"lease_id":"lease-m2","delay_seconds":30},{"lease_id":"lease-m3"}]}""")));
	}

	@Test
	void aWarningForALeaseFailsThatLeaseOnlyInEitherShape() {
		answerPull(String.join(",", message("m1", "text", "a", 1), message("m2", "text", "b", 1)), "");
		for (String warnings : List.of("{\"lease-m2\":\"lease not found\"}", "[\"lease-m2: lease not found\"]")) {
			server.stubFor(post(urlEqualTo(TestPublishers.ACK_PATH)).willReturn(
					okJson("{\"success\":true,\"result\":{\"ackCount\":1,\"warnings\":" + warnings + "}}")));
			QueueConsumer consumer = consumer(NO_GATHERING);
			List<ReceivedMessage> messages = consumer.pull().block(TIMEOUT);

			StepVerifier first = StepVerifier.create(messages.get(0).ack()).expectComplete().verifyLater();
			StepVerifier second = StepVerifier.create(messages.get(1).ack())
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageAckException.class,
						(ack) -> {
							assertThat(ack).hasMessageContaining("acknowledgement of message m2 (lease lease-m2)")
								.hasMessageContaining("lease not found");
							assertThat(ack.getLeaseId()).isEqualTo("lease-m2");
							assertThat(ack.isRetryable()).isFalse();
						}))
				.verifyLater();
			consumer.flush().block(TIMEOUT);
			first.verify(TIMEOUT);
			second.verify(TIMEOUT);
		}
	}

	@Test
	void warningsThatNameNoLeaseFailTheSettlementsOfASideWhoseCountFallsShort() {
		List<ReceivedMessage> messages = pullThree();
		answerAck("{\"ackCount\":1,\"retryCount\":1,\"warnings\":[\"something went wrong\"]}");

		StepVerifier firstAck = expectUnconfirmed(messages.get(0).ack(),
				"could not confirm the acknowledgement of message m1 (lease lease-m1)", "it counted 1 acknowledgements of the 2 sent without a warning of their own");
		StepVerifier secondAck = expectUnconfirmed(messages.get(1).ack(),
				"could not confirm the acknowledgement of message m2", "[something went wrong]");
		StepVerifier retry = StepVerifier.create(messages.get(2).retry()).expectComplete().verifyLater();
		this.consumer.flush().block(TIMEOUT);
		firstAck.verify(TIMEOUT);
		secondAck.verify(TIMEOUT);
		retry.verify(TIMEOUT);
	}

	@Test
	void warningsThatNameNoLeaseWithoutCountsConfirmNothing() {
		List<ReceivedMessage> messages = pullThree();
		answerAck("{\"warnings\":[\"something went wrong\"]}");

		StepVerifier ack = expectUnconfirmed(messages.get(0).ack(),
				"could not confirm the acknowledgement of message m1", "it gave no count of the acknowledgements");
		StepVerifier retry = expectUnconfirmed(messages.get(2).retry(), "could not confirm the retry of message m3",
				"it gave no count of the retries");
		this.consumer.flush().block(TIMEOUT);
		ack.verify(TIMEOUT);
		retry.verify(TIMEOUT);
	}

	@Test
	void warningsThatNameNoLeaseWithCountsCoveringEverySettlementConfirmThem() {
		List<ReceivedMessage> messages = pullThree();
		answerAck("{\"ackCount\":2,\"retryCount\":1,\"warnings\":[\"slow down\"]}");

		StepVerifier settled = StepVerifier
			.create(Mono.when(messages.get(0).ack(), messages.get(1).ack(), messages.get(2).retry()))
			.expectComplete()
			.verifyLater();
		this.consumer.flush().block(TIMEOUT);
		settled.verify(TIMEOUT);
	}

	@Test
	void aCountIsCheckedAgainstTheSettlementsWithoutAWarningOfTheirOwn() {
		List<ReceivedMessage> messages = pullThree();
		answerAck("{\"ackCount\":1,\"retryCount\":1,"
				+ "\"warnings\":[\"lease-m1: lease not found\",\"something went wrong\"]}");

		StepVerifier warned = expectUnconfirmed(messages.get(0).ack(),
				"Cloudflare did not confirm the acknowledgement of message m1", "lease-m1: lease not found");
		StepVerifier counted = StepVerifier.create(Mono.when(messages.get(1).ack(), messages.get(2).retry()))
			.expectComplete()
			.verifyLater();
		this.consumer.flush().block(TIMEOUT);
		warned.verify(TIMEOUT);
		counted.verify(TIMEOUT);
	}

	private List<ReceivedMessage> pullThree() {
		answerPull(String.join(",", message("m1", "text", "a", 1), message("m2", "text", "b", 1),
				message("m3", "text", "c", 1)), "");
		this.consumer = consumer(NO_GATHERING);
		return this.consumer.pull().block(TIMEOUT);
	}

	private static void answerAck(String result) {
		server.stubFor(post(urlEqualTo(TestPublishers.ACK_PATH))
			.willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result + "}")));
	}

	private static StepVerifier expectUnconfirmed(Mono<Void> settlement, String... texts) {
		return StepVerifier.create(settlement)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageAckException.class,
					(ack) -> {
						for (String text : texts) {
							assertThat(ack).hasMessageContaining(text);
						}
						assertThat(ack.isRetryable()).isFalse();
					}))
			.verifyLater();
	}

	@Test
	void anAckRequestThatFailsForGoodFailsEachSettlementSayingTheMessageComesBack() {
		answerPull(String.join(",", message("m1", "text", "a", 1), message("m2", "text", "b", 1)), "");
		server.stubFor(post(urlEqualTo(TestPublishers.ACK_PATH)).willReturn(aResponse().withStatus(503)));
		QueueConsumer consumer = TestPublishers.at(server.baseUrl())
			.retry(new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0, Duration.ofSeconds(1)))
			.consumer(NO_GATHERING);
		List<ReceivedMessage> messages = consumer.pull().block(TIMEOUT);

		StepVerifier ack = StepVerifier.create(messages.get(0).ack())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageAckException.class,
					(failed) -> {
						assertThat(failed).hasMessageContaining("the message is delivered again after its lease");
						assertThat(failed.isRetryable()).isTrue();
						assertThat(failed.getLeaseExpiresAt()).isEqualTo(messages.get(0).leaseExpiresAt());
					}))
			.verifyLater();
		StepVerifier retry = StepVerifier.create(messages.get(1).retry()).expectError(MessageAckException.class)
			.verifyLater();
		consumer.flush().block(TIMEOUT);
		ack.verify(TIMEOUT);
		retry.verify(TIMEOUT);
		server.verify(2, postRequestedFor(urlEqualTo(TestPublishers.ACK_PATH)));
	}

	@Test
	void aMessageIsSettledOnceAndTheSecondSettlementFailsBeforeAnyRequest() {
		answerPull(message("m1", "text", "a", 1), "");
		server.stubFor(post(urlEqualTo(TestPublishers.ACK_PATH))
			.willReturn(okJson("{\"success\":true,\"result\":{\"ackCount\":1}}")));
		QueueConsumer consumer = consumer(QueueConsumerOptions.builder().ackMaxWait(Duration.ZERO).build());
		ReceivedMessage message = consumer.pull().block(TIMEOUT).get(0);

		StepVerifier.create(message.ack()).verifyComplete();
		StepVerifier.create(message.retry(Duration.ofSeconds(5)))
			.expectErrorMessage("Message m1 (lease lease-m1) was already acknowledged; a leased message is settled once")
			.verify(TIMEOUT);
		StepVerifier.create(message.ack()).expectError(IllegalStateException.class).verify(TIMEOUT);
		server.verify(1, postRequestedFor(urlEqualTo(TestPublishers.ACK_PATH)));
	}

	@Test
	void valuesOutsideCloudflaresLimitsFailAtTheCallNamingTheLimit() {
		QueueConsumer consumer = consumer(QueueConsumerOptions.DEFAULTS);

		assertThatIllegalArgumentException().isThrownBy(() -> consumer.pull(0, Duration.ofSeconds(30)))
			.withMessage("The batch size of a pull must be from 1 to 100 (Cloudflare's limit), got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.pull(101, Duration.ofSeconds(30)))
			.withMessageContaining("got 101");
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.pull(10, Duration.ofHours(12).plusMillis(1)))
			.withMessageContaining("at most 12 hours (43200000 ms, Cloudflare's limit)");
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.pull(10, Duration.ZERO))
			.withMessageContaining("must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.pull(10, Duration.ofNanos(1_500_000)))
			.withMessageContaining("whole milliseconds");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> QueueConsumerOptions.builder().batchSize(101).build())
			.withMessageContaining("from 1 to 100");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aRetryDelayOutsideCloudflaresLimitsFailsAtTheCall() {
		answerPull(message("m1", "text", "a", 1), "");
		ReceivedMessage message = consumer(QueueConsumerOptions.DEFAULTS).pull().block(TIMEOUT).get(0);

		assertThatIllegalArgumentException().isThrownBy(() -> message.retry(Duration.ofHours(25)))
			.withMessageContaining("at most 86400 seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> message.retry(Duration.ofMillis(1500)))
			.withMessageContaining("whole seconds");
	}

	record Order(int id, String item) {
	}

}
