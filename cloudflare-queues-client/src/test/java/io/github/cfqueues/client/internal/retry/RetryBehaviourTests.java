package io.github.cfqueues.client.internal.retry;

import io.github.cfqueues.client.RetrySettings;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.error.QueueServerException;
import io.github.cfqueues.client.error.QueueTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which failures are retried, how many times, and how far apart: against a real server, with the policy's chosen
 * waits recorded and the requests' arrival times checked against them.
 */
class RetryBehaviourTests {

	private static final String OK = "{\"success\":true,\"errors\":[],\"messages\":[]}";

	private static final RetrySettings FAST = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0,
			0.25, Duration.ofSeconds(60));

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final TestPublishers publishers = TestPublishers.at(server.baseUrl()).retry(FAST);

	/**
	 * Answers the given responses in turn, then the last one for ever.
	 */
	private static void answerInTurn(ResponseDefinitionBuilder... answers) {
		for (int i = 0; i < answers.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "attempt-" + i;
			server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).inScenario("attempts")
				.whenScenarioStateIs(state)
				.willSetStateTo((i + 1 < answers.length) ? "attempt-" + (i + 1) : state)
				.willReturn(answers[i]));
		}
	}

	private static ResponseDefinitionBuilder status(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static List<LoggedRequest> pushes() {
		return server.findAll(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)));
	}

	private static void assertSpacedAtLeast(List<LoggedRequest> requests, List<Duration> waits) {
		assertThat(requests).hasSize(waits.size() + 1);
		for (int i = 0; i < waits.size(); i++) {
			long gap = requests.get(i + 1).getLoggedDate().getTime() - requests.get(i).getLoggedDate().getTime();
			assertThat(gap).as("gap before attempt %d", i + 2).isGreaterThanOrEqualTo(waits.get(i).toMillis() - 5);
		}
	}

	@Test
	void rateLimitedAnswerIsRetriedAfterRetryAfterSeconds() {
		answerInTurn(status(429, "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"slow down\"}]}")
			.withHeader("Retry-After", "1"), okJson(OK));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m")).expectNextCount(1).verifyComplete();

		assertThat(this.publishers.retryWaits()).containsExactly(Duration.ofSeconds(1));
		assertSpacedAtLeast(pushes(), this.publishers.retryWaits());
	}

	@Test
	void rateLimitedAnswerIsRetriedAfterRetryAfterHttpDate() {
		ZonedDateTime sent = ZonedDateTime.now(ZoneOffset.UTC);
		answerInTurn(status(429, "{}").withHeader("Retry-After", httpDate(sent.plusSeconds(8))), okJson(OK));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m")).expectNextCount(1).verifyComplete();

		assertThat(this.publishers.retryWaits()).singleElement()
			.satisfies((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(8)));
		assertSpacedAtLeast(pushes(), this.publishers.retryWaits());
	}

	@Test
	void retryAfterHttpDateIsReadAsTheWaitUntilThatDate() {
		answerInTurn(status(429, "{}").withHeader("Retry-After",
				httpDate(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(300))));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m"))
			.expectErrorSatisfies((ex) -> assertThat(((QueueRateLimitedException) ex).getRetryAfter())
				.isBetween(Duration.ofSeconds(240), Duration.ofSeconds(300)))
			.verify(Duration.ofSeconds(10));
		assertThat(pushes()).hasSize(1);
	}

	private static String httpDate(ZonedDateTime date) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(date);
	}

	@Test
	void retryAfterMsWinsOverRetryAfter() {
		answerInTurn(status(503, "{}").withHeader("retry-after-ms", "250.5").withHeader("Retry-After", "30"),
				okJson(OK));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m")).expectNextCount(1).verifyComplete();

		assertThat(this.publishers.retryWaits()).containsExactly(Duration.ofNanos(250_500_000));
		assertSpacedAtLeast(pushes(), this.publishers.retryWaits());
	}

	@Test
	void serverErrorsAreRetriedWithExponentialBackoffLessJitter() {
		answerInTurn(status(500, "{\"success\":false,\"errors\":[{\"code\":15000,\"message\":\"internal\"}]}"),
				status(503, "<html>busy</html>"), okJson(OK));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m")).expectNextCount(1).verifyComplete();

		List<Duration> waits = this.publishers.retryWaits();
		assertThat(waits).hasSize(2);
		assertThat(waits.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
		assertThat(waits.get(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
		assertSpacedAtLeast(pushes(), waits);
	}

	@Test
	void persistentServerErrorFailsAfterMaxAttempts() {
		answerInTurn(status(502, "bad gateway"));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueServerException.class)
				.extracting("httpStatus")
				.isEqualTo(502))
			.verify();

		assertThat(pushes()).hasSize(3);
	}

	@Test
	void droppedConnectionIsRetried() {
		answerInTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withFault(Fault.EMPTY_RESPONSE),
				okJson(OK));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m")).expectNextCount(1).verifyComplete();

		assertThat(pushes()).hasSize(3);
		assertThat(this.publishers.retryWaits()).hasSize(2);
	}

	@Test
	void timeoutIsRetriedAndReportedAsTimeoutWhenAttemptsRunOut() {
		answerInTurn(okJson(OK).withFixedDelay(1500));
		QueuePublisher publisher = this.publishers.requestTimeout(Duration.ofMillis(300)).build();

		StepVerifier.create(publisher.pushText("m"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(QueueTransportException.class);
				assertThat(((QueueTransportException) ex).isTimeout()).isTrue();
				assertThat(((QueueTransportException) ex).isRetryable()).isTrue();
				assertThat(((QueueTransportException) ex).getHttpStatus()).isZero();
			})
			.verify(Duration.ofSeconds(10));

		assertThat(pushes()).hasSize(3);
	}

	@Test
	void timedOutAttemptIsFollowedByASuccessfulOne() {
		answerInTurn(okJson(OK).withFixedDelay(1500), okJson(OK));
		QueuePublisher publisher = this.publishers.requestTimeout(Duration.ofMillis(300)).build();

		StepVerifier.create(publisher.pushText("m")).expectNextCount(1).verifyComplete();

		assertThat(pushes()).hasSize(2);
	}

	@ParameterizedTest(name = "HTTP {0} code {1} is not retried")
	@CsvSource({ "404, 10104", "400, 10107", "403, 10106", "403, 10000", "400, 10202", "400, 10203", "400, 10204",
			"400, 10205", "400, 10206", "400, 10207", "400, 10208", "429, 10251", "429, 10252", "429, 10253", "400, 0",
			"401, 0", "403, 0", "404, 0" })
	void failuresThatWaitingCannotFixAreNotRetried(int status, int code) {
		String errors = (code != 0) ? "[{\"code\":" + code + ",\"message\":\"no\"}]" : "[]";
		answerInTurn(status(status, "{\"success\":false,\"errors\":" + errors + "}").withHeader("Retry-After", "0"),
				okJson(OK));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m"))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasFieldOrPropertyWithValue("retryable", false))
			.verify();

		assertThat(pushes()).hasSize(1);
		assertThat(this.publishers.retryWaits()).isEmpty();
	}

	@Test
	void retryAfterLongerThanMaxWaitFailsAtOnceWithTheServersWait() {
		answerInTurn(status(429, "{\"success\":false,\"errors\":[]}").withHeader("Retry-After", "120"), okJson(OK));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(QueueRateLimitedException.class).hasMessageContaining("max-wait");
				QueueRateLimitedException limited = (QueueRateLimitedException) ex;
				assertThat(limited.getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
				assertThat(limited.isAccountWide()).isTrue();
				assertThat(limited.isRetryable()).isTrue();
			})
			.verify(Duration.ofSeconds(5));

		assertThat(pushes()).hasSize(1);
	}

	@Test
	void retryAfterWithinMaxWaitIsHonouredEvenWhenLongerThanTheBackoffCap() {
		RetrySettings settings = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(20), 2.0, 0.0,
				Duration.ofSeconds(2));
		answerInTurn(status(429, "{}").withHeader("Retry-After", "1"), okJson(OK));
		QueuePublisher publisher = this.publishers.retry(settings).build();

		StepVerifier.create(publisher.pushText("m")).expectNextCount(1).verifyComplete();

		assertThat(this.publishers.retryWaits()).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void authenticationFailureIsNotRetriedAndKeepsTheTokenOut() {
		answerInTurn(status(403, "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}"));
		QueuePublisher publisher = this.publishers.build();

		StepVerifier.create(publisher.pushText("m"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueAuthenticationException.class)
				.message()
				.doesNotContain(TestPublishers.TOKEN))
			.verify();
		assertThat(pushes()).hasSize(1);
	}

	@Test
	void aCallerThatCutsTheWaitsShortGetsTheFailureBeforeTheWaitAtOnce() {
		server.stubFor(post(urlEqualTo(TestPublishers.PULL_PATH)).willReturn(status(503, "{}")));
		TestPublishers patient = TestPublishers.at(server.baseUrl())
			.retry(new RetrySettings(3, Duration.ofSeconds(30), Duration.ofSeconds(30), 1.0, 0.0, Duration.ofSeconds(60)));
		Sinks.Empty<Void> enough = Sinks.empty();

		StepVerifier.create(patient.consumer(QueueConsumerOptions.DEFAULTS)
			.pull()
			.contextWrite(RetryPolicy.cutWaitsShortOn(enough.asMono())))
			.then(() -> await().atMost(Duration.ofSeconds(10)).until(() -> !patient.retryWaits().isEmpty()))
			.then(enough::tryEmitEmpty)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueServerException.class)
				.extracting("httpStatus")
				.isEqualTo(503))
			.verify(Duration.ofSeconds(10));
		assertThat(patient.retryWaits()).containsExactly(Duration.ofSeconds(30));
		assertThat(server.findAll(postRequestedFor(urlEqualTo(TestPublishers.PULL_PATH)))).hasSize(1);
	}

	@Test
	void cuttingTheWaitsShortLeavesAnAttemptOnTheWireToBringItsAnswer() {
		server.stubFor(post(urlEqualTo(TestPublishers.PULL_PATH))
			.willReturn(okJson("{\"success\":true,\"result\":{\"messages\":[]}}").withFixedDelay(300)));

		StepVerifier.create(this.publishers.consumer(QueueConsumerOptions.DEFAULTS)
			.pull()
			.contextWrite(RetryPolicy.cutWaitsShortOn(Mono.empty())))
			.expectNext(List.of())
			.verifyComplete();
	}

}
