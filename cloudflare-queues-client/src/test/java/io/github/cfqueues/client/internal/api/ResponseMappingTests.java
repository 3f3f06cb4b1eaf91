package io.github.cfqueues.client.internal.api;

import java.time.Instant;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.error.QueueServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Cloudflare's answers, including the odd ones seen in the wild, map to what a push returns.
 */
class ResponseMappingTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private MessagePushResponse pushAnswered(ResponseDefinitionBuilder answer) {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(answer));
		QueuePublisher publisher = TestPublishers.at(server.baseUrl()).build();
		return publisher.pushText("m").block();
	}

	@Test
	void metricsAreReadFromResultMetadata() {
		MessagePushResponse response = pushAnswered(okJson("""
				{"success":true,"errors":[],"messages":[],
				 "result":{"metadata":{"metrics":{"backlog_count":12,"backlog_bytes":3400,
				   "oldest_message_timestamp_ms":1767225600000}}}}"""));

		assertThat(response.metadata().metrics())
			.isEqualTo(new QueueMetrics(12L, 3400L, Instant.parse("2026-01-01T00:00:00Z")));
	}

	@Test
	void answerWithoutResultHasEmptyMetrics() {
		MessagePushResponse response = pushAnswered(okJson("""
				{"success":true,"errors":[],"messages":[]}"""));

		assertThat(response.metrics()).isEqualTo(QueueMetrics.none());
		assertThat(response.metrics().isKnown()).isFalse();
	}

	@Test
	void unknownFieldsAndMissingFiguresAreTolerated() {
		MessagePushResponse response = pushAnswered(okJson("""
				{"success":true,"errors":[],"messages":["Queued"],"new_top_level":{"x":1},
				 "result":{"message_id":"ignored","metadata":{"region":"weur",
				   "metrics":{"backlog_count":"7","oldest_message_timestamp_ms":0,"future":true}}}}"""));

		assertThat(response.metrics()).isEqualTo(new QueueMetrics(7L, null, null));
	}

	@Test
	void emptyBodyOnSuccessIsAcceptedWithoutMetrics() {
		MessagePushResponse response = pushAnswered(aResponse().withStatus(200));

		assertThat(response).isEqualTo(MessagePushResponse.empty());
	}

	@Test
	void htmlBadGatewayPageIsARetryableServerFailureThatQuotesThePage() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withHeader("cf-ray", "8f2c1a2b3c4d5e6f-FRA")
			.withBody("<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>cloudflare</body></html>")));

		StepVerifier.create(TestPublishers.at(server.baseUrl()).build().pushText("m"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(QueueServerException.class);
				QueueServerException failure = (QueueServerException) ex;
				assertThat(failure.isRetryable()).isTrue();
				assertThat(failure.getHttpStatus()).isEqualTo(502);
				assertThat(failure.getErrors()).isEmpty();
				assertThat(failure.getCfRay()).isEqualTo("8f2c1a2b3c4d5e6f-FRA");
				assertThat(failure.getMessage()).contains("text/html", "<title>502 Bad Gateway</title>")
					.doesNotContain("\r", "\n");
			})
			.verify();
	}

	@Test
	void successFalseOnAn200IsAFailureClassifiedByItsCode() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(okJson("""
				{"success":false,"errors":[{"code":10104,"message":"QueueNotFound"}],"messages":[],"result":null}""")));

		StepVerifier.create(TestPublishers.at(server.baseUrl()).build().pushText("m"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(QueueNotFoundException.class);
				assertThat(((QueueNotFoundException) ex).getHttpStatus()).isEqualTo(200);
			})
			.verify();
	}

	@Test
	void nonJsonBodyOnSuccessIsARetryableServerFailure() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<p>hi</p>")));

		StepVerifier.create(TestPublishers.at(server.baseUrl()).build().pushText("m"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueServerException.class)
				.hasMessageContaining("<p>hi</p>"))
			.verify();
	}

}
