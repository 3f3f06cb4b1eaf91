package io.github.cfqueues.client.internal.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.InvalidMessageException;
import io.github.cfqueues.client.error.QueueServerException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches are split at Cloudflare's exact limits (100 messages, 256,000 bytes by the size rule: UTF-8 body bytes
 * plus 100), sent in order, and checked before anything is sent.
 */
class BatchPushTests {

	private static final String OK = "{\"success\":true,\"errors\":[],\"messages\":[]}";

	private static final JsonMapper JSON = new JsonMapper();

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@BeforeEach
	void stubAccepts() {
		server.stubFor(post(urlEqualTo(TestPublishers.BATCH_PATH)).willReturn(okJson(OK)));
	}

	private QueuePublisher publisher() {
		return TestPublishers.at(server.baseUrl()).build();
	}

	private static List<QueueMessage> texts(int count) {
		return IntStream.range(0, count).mapToObj((i) -> QueueMessage.text("m" + i)).toList();
	}

	/**
	 * A text message whose size by the size rule is exactly {@code size} bytes, made of two-byte characters where
	 * it can be.
	 */
	private static QueueMessage textOfSize(int size) {
		int bodyBytes = size - 100;
		return QueueMessage.text("é".repeat(bodyBytes / 2) + "a".repeat(bodyBytes % 2));
	}

	/**
	 * The bodies of each batch request, in the order they arrived.
	 */
	private static List<List<String>> sentBatches() {
		List<List<String>> batches = new ArrayList<>();
		List<LoggedRequest> requests = new ArrayList<>(
				server.findAll(postRequestedFor(urlEqualTo(TestPublishers.BATCH_PATH))));
		for (LoggedRequest request : requests) {
			List<String> bodies = new ArrayList<>();
			for (JsonNode message : JSON.readTree(request.getBodyAsString()).get("messages")) {
				bodies.add(message.get("body").asString());
			}
			batches.add(bodies);
		}
		return batches;
	}

	@Test
	void hundredMessagesTravelInOneRequest() {
		StepVerifier.create(publisher().pushBatch(texts(100)))
			.assertNext((response) -> assertThat(response.requestCount()).isEqualTo(1))
			.verifyComplete();

		assertThat(sentBatches()).singleElement().satisfies((batch) -> assertThat(batch).hasSize(100));
	}

	@Test
	void hundredAndOneMessagesTravelInTwoRequestsInOrder() {
		StepVerifier.create(publisher().pushBatch(texts(101)))
			.assertNext((response) -> {
				assertThat(response.requestCount()).isEqualTo(2);
				assertThat(response.messageCount()).isEqualTo(101);
			})
			.verifyComplete();

		List<List<String>> batches = sentBatches();
		assertThat(batches).extracting(List::size).containsExactly(100, 1);
		assertThat(batches.get(0)).startsWith("m0", "m1").endsWith("m99");
		assertThat(batches.get(1)).containsExactly("m100");
	}

	@Test
	void batchOfExactlyTheByteLimitTravelsInOneRequest() {
		List<QueueMessage> messages = List.of(textOfSize(128_000), textOfSize(127_000), textOfSize(1_000));

		StepVerifier.create(publisher().pushBatch(messages))
			.assertNext((response) -> assertThat(response.requestCount()).isEqualTo(1))
			.verifyComplete();
	}

	@Test
	void oneByteOverTheByteLimitSplitsBeforeTheMessageThatWouldBreakIt() {
		List<QueueMessage> messages = List.of(textOfSize(128_000), textOfSize(127_000), textOfSize(1_001));

		StepVerifier.create(publisher().pushBatch(messages))
			.assertNext((response) -> assertThat(response.requestCount()).isEqualTo(2))
			.verifyComplete();

		assertThat(sentBatches()).extracting(List::size).containsExactly(2, 1);
	}

	@Test
	void jsonBodiesAreMeasuredAsSerialized() {
		// "x...x" serializes with two quotes: 127,898 characters + 2 quotes + 100 = 128,000 bytes.
		QueueMessage atLimit = QueueMessage.json("x".repeat(127_898));
		QueueMessage overLimit = QueueMessage.json("x".repeat(127_899));

		StepVerifier.create(publisher().pushBatch(List.of(atLimit))).expectNextCount(1).verifyComplete();
		StepVerifier.create(publisher().pushBatch(List.of(overLimit)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidMessageException.class)
				.hasFieldOrPropertyWithValue("actual", 128_001L))
			.verify();
	}

	@Test
	void oversizedMultiByteMessageFailsTheBatchBeforeAnyRequestNamingIndexLimitAndSize() {
		List<QueueMessage> messages = new ArrayList<>(texts(5));
		messages.add(QueueMessage.text("é".repeat(63_951)));
		messages.addAll(texts(3));

		StepVerifier.create(publisher().pushBatch(messages)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(InvalidMessageException.class);
			InvalidMessageException invalid = (InvalidMessageException) ex;
			assertThat(invalid.getIndex()).isEqualTo(5);
			assertThat(invalid.getLimit()).isEqualTo(128_000);
			assertThat(invalid.getActual()).isEqualTo(128_002);
			assertThat(invalid.isRetryable()).isFalse();
			assertThat(invalid.getMessage()).contains("Message 5", "128002 bytes", "128000 bytes per message",
					"nothing was sent");
		}).verify();

		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void messageOfExactlyTheSizeLimitIsAccepted() {
		StepVerifier.create(publisher().push(textOfSize(128_000)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isNotInstanceOf(InvalidMessageException.class))
			.verify();
		StepVerifier.create(publisher().push(textOfSize(128_001)))
			.expectError(InvalidMessageException.class)
			.verify();

		assertThat(server.findAll(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)))).hasSize(1);
	}

	@Test
	void malformedJsonTextIsRejectedBeforeAnyRequest() {
		StepVerifier.create(publisher().pushBatch(List.of(QueueMessage.text("ok"),
				QueueMessage.jsonText("{\"a\":1}, \"delay_seconds\": 5"))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidMessageException.class)
				.hasFieldOrPropertyWithValue("index", 1))
			.verify();
		StepVerifier.create(publisher().push(QueueMessage.jsonText("{\"a\":1} {\"b\":2}")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidMessageException.class)
				.hasMessageContaining("more than one value"))
			.verify();
		StepVerifier.create(publisher().push(QueueMessage.jsonText("{\"a\":")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidMessageException.class)
				.hasMessageContaining("malformed JSON"))
			.verify();

		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void emptyBatchCompletesWithoutARequest() {
		StepVerifier.create(publisher().pushBatch(List.of()))
			.assertNext((response) -> assertThat(response.requestCount()).isZero())
			.verifyComplete();

		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void failedRequestListsDeliveredAndUndeliveredMessages() {
		server.stubFor(post(urlEqualTo(TestPublishers.BATCH_PATH)).inScenario("second fails")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("failing")
			.willReturn(okJson(OK)));
		server.stubFor(post(urlEqualTo(TestPublishers.BATCH_PATH)).inScenario("second fails")
			.whenScenarioStateIs("failing")
			.willReturn(aResponse().withStatus(500).withBody("{\"success\":false,\"errors\":[{\"code\":15000}]}")));

		StepVerifier.create(publisher().pushBatch(texts(250))).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(BatchPushException.class);
			BatchPushException failure = (BatchPushException) ex;
			assertThat(failure.getDelivered()).isEqualTo(IntStream.range(0, 100).boxed().toList());
			assertThat(failure.getUndelivered()).isEqualTo(IntStream.range(100, 250).boxed().toList());
			assertThat(failure.getCause()).isInstanceOf(QueueServerException.class);
			assertThat(failure.isRetryable()).isTrue();
			assertThat(failure.getMessage()).contains("100 of 250", "[100..249]");
		}).verify();

		assertThat(sentBatches()).extracting(List::size).containsExactly(100, 100);
	}

}
