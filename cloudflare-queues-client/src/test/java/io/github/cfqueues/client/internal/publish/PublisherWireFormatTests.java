package io.github.cfqueues.client.internal.publish;

import io.github.cfqueues.client.JacksonBodySerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.TestPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes over the wire for each kind of push: method, path, headers and the exact JSON.
 */
class PublisherWireFormatTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final String OK = """
			{"success":true,"errors":[],"messages":[],
			 "result":{"metadata":{"metrics":{"backlog_count":1,"backlog_bytes":120,"oldest_message_timestamp_ms":1700000000000}}}}
			""";

	@BeforeEach
	void stubAccepts() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(okJson(OK)));
		server.stubFor(post(urlEqualTo(TestPublishers.BATCH_PATH)).willReturn(okJson(OK)));
	}

	private QueuePublisher publisher() {
		return TestPublishers.at(server.baseUrl()).build();
	}

	@Test
	void textPushSendsTheStringAsTextWithBearerTokenAndJsonHeaders() {
		StepVerifier.create(publisher().pushText("hello \"queue\" é")).expectNextCount(1).verifyComplete();

		server.verify(1, postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH))
			.withHeader("Authorization", equalTo("Bearer " + TestPublishers.TOKEN))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("User-Agent", matching("cloudflare-queues-spring-boot-starter/\\d+\\.\\d+\\.\\d+.* \\(Java .+\\)"))
			.withHeader("X-Auth-Key", absent())
			.withRequestBody(equalToJson("""
					{"body":"hello \\"queue\\" é","content_type":"text"}""")));
	}

	@Test
	void jsonPushSendsTheSerializedObjectAsAJsonValue() {
		StepVerifier.create(publisher().pushJson(new Order(42, "Widget", List.of("gift"))))
			.expectNextCount(1)
			.verifyComplete();

		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)).withRequestBody(equalToJson("""
				{"body":{"id":42,"item":"Widget","tags":["gift"]},"content_type":"json"}""")));
	}

	@Test
	void delayedPushSendsWholeDelaySeconds() {
		StepVerifier.create(publisher().push(QueueMessage.text("later").withDelay(Duration.ofMinutes(5))))
			.expectNextCount(1)
			.verifyComplete();

		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)).withRequestBody(equalToJson("""
				{"body":"later","content_type":"text","delay_seconds":300}""")));
	}

	@Test
	void preSerializedJsonTextGoesAsIs() {
		StepVerifier.create(publisher().push(QueueMessage.jsonText("{\"a\":[1,2.5,null]}")))
			.expectNextCount(1)
			.verifyComplete();

		LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH))).get(0);
		assertThat(request.getBodyAsString()).isEqualTo("{\"body\":{\"a\":[1,2.5,null]},\"content_type\":\"json\"}");
	}

	@Test
	void queueDefaultsApplyToMessagesThatSetNoContentTypeOrDelay() {
		QueuePublisher publisher = TestPublishers.at(server.baseUrl())
			.options(QueuePublisherOptions.builder()
				.contentType(MessageContentType.TEXT)
				.delay(Duration.ofSeconds(30))
				.build())
			.build();

		StepVerifier.create(publisher.push(QueueMessage.of("plain"))).expectNextCount(1).verifyComplete();
		StepVerifier.create(publisher.push(QueueMessage.json(Map.of("k", "v")).withDelay(Duration.ZERO)))
			.expectNextCount(1)
			.verifyComplete();

		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)).withRequestBody(equalToJson("""
				{"body":"plain","content_type":"text","delay_seconds":30}""")));
		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)).withRequestBody(equalToJson("""
				{"body":{"k":"v"},"content_type":"json","delay_seconds":0}""")));
	}

	@Test
	void globalApiKeySendsEmailAndKeyHeadersAndNoAuthorization() {
		QueuePublisher publisher = TestPublishers.at(server.baseUrl())
			.credentials(CloudflareCredentials.globalApiKey("ops@example.com", "global-key-123"))
			.build();

		StepVerifier.create(publisher.pushText("x")).expectNextCount(1).verifyComplete();

		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH))
			.withHeader("X-Auth-Email", equalTo("ops@example.com"))
			.withHeader("X-Auth-Key", equalTo("global-key-123"))
			.withHeader("Authorization", absent()));
	}

	@Test
	void batchPushSendsEveryMessageWithItsOwnContentTypeAndDelay() {
		StepVerifier
			.create(publisher().pushBatch(List.of(QueueMessage.text("a"),
					QueueMessage.json(Map.of("n", 1)).withDelay(Duration.ofSeconds(10)), QueueMessage.jsonText("[true]"))))
			.assertNext((response) -> {
				assertThat(response.messageCount()).isEqualTo(3);
				assertThat(response.requestCount()).isEqualTo(1);
				assertThat(response.metrics().backlogCount()).isEqualTo(1L);
			})
			.verifyComplete();

		server.verify(1, postRequestedFor(urlEqualTo(TestPublishers.BATCH_PATH))
			.withHeader("Authorization", equalTo("Bearer " + TestPublishers.TOKEN))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"messages":[
					  {"body":"a","content_type":"text"},
					  {"body":{"n":1},"content_type":"json","delay_seconds":10},
					  {"body":[true],"content_type":"json"}]}""")));
	}

	@Test
	void applicationNamingStrategyShapesTheBodyButNeverTheEnvelope() {
		JsonMapper upperCamel = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
			.build();
		QueuePublisher publisher = TestPublishers.at(server.baseUrl())
			.serializer(new JacksonBodySerializer(upperCamel))
			.build();

		StepVerifier.create(publisher.push(QueueMessage.json(new Order(1, "a", List.of())).withDelay(Duration.ofSeconds(1))))
			.expectNextCount(1)
			.verifyComplete();

		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)).withRequestBody(equalToJson("""
				{"body":{"Id":1,"Item":"a","Tags":[]},"content_type":"json","delay_seconds":1}""")));
	}

	@Test
	void nothingIsSentUntilSubscribed() {
		publisher().pushText("never");
		publisher().pushBatch(List.of(QueueMessage.text("never")));

		assertThat(server.getAllServeEvents()).isEmpty();
	}

	record Order(int id, String item, List<String> tags) {
	}

}
