package io.github.cfqueues.client.internal.ratelimit;

import io.github.cfqueues.client.RateLimitSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cfqueues.client.internal.api.PullResponse;
import io.github.cfqueues.client.internal.api.PulledMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.internal.publish.QueueSender;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
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
 * The limiter against servers that enforce and signal rate limits: the emulator's sliding-window account limit,
 * and WireMock for exact 429 answers.
 */
class RateLimitingTests {

	private static final String OK = "{\"success\":true,\"errors\":[],\"messages\":[]}";

	private static final String QUEUE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	private static final String QUEUE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private CloudflareQueuesEmulator emulator;

	@AfterEach
	void stopEmulator() {
		if (this.emulator != null) {
			this.emulator.stop();
		}
	}

	private CloudflareQueuesEmulator startEmulator(int requests, Duration window) {
		CloudflareQueuesEmulator.Builder builder = CloudflareQueuesEmulator.builder().apiToken(TestPublishers.TOKEN);
		if (requests > 0) {
			builder.accountRateLimit(requests, window, Duration.ofSeconds(30));
		}
		this.emulator = builder.start();
		this.emulator.createQueue(TestPublishers.ACCOUNT, QUEUE_A);
		this.emulator.createQueue(TestPublishers.ACCOUNT, QUEUE_B);
		return this.emulator;
	}

	private static String serverUrl(CloudflareQueuesEmulator emulator) {
		String base = emulator.baseUrl().toString();
		return base.substring(0, base.length() - "/client/v4".length());
	}

	private static int mostCountedRequestsInAnyWindow(List<RecordedRequest> requests, Duration window) {
		List<Instant> counted = requests.stream()
			.filter(RecordedRequest::countedAgainstRateLimit)
			.map(RecordedRequest::receivedAt)
			.sorted()
			.toList();
		int most = 0;
		for (int first = 0, last = 0; last < counted.size(); last++) {
			while (!counted.get(first).plus(window).isAfter(counted.get(last))) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	private List<QueuePublisher> twoPublishers(String url, RequestGate accountGate) {
		QueueOverloadGate gateA = new QueueOverloadGate(accountGate, Duration.ofSeconds(60));
		QueueOverloadGate gateB = new QueueOverloadGate(accountGate, Duration.ofSeconds(60));
		return List.of(TestPublishers.at(url).queue("a", QUEUE_A).gate(gateA).build(),
				TestPublishers.at(url).queue("b", QUEUE_B).gate(gateB).build());
	}

	private static Flux<?> burst(List<QueuePublisher> publishers, int each) {
		List<Flux<?>> pushes = new ArrayList<>();
		for (QueuePublisher publisher : publishers) {
			pushes.add(Flux.range(0, each).flatMap((i) -> publisher.pushText(publisher.queueName() + i)));
		}
		return Flux.merge(pushes);
	}

	@Test
	void publishersSharingTheAccountLimiterNeverTripTheAccountLimit() {
		CloudflareQueuesEmulator emulator = startEmulator(10, Duration.ofSeconds(1));
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT,
				new RateLimitSettings(10, Duration.ofSeconds(1), 2, 1.0, Duration.ofSeconds(60),
						RateLimitSettings.CLOUDFLARE_LOCKOUT));

		StepVerifier.create(burst(twoPublishers(serverUrl(emulator), limiter), 12))
			.expectNextCount(24)
			.verifyComplete();

		assertThat(emulator.rateLimitRejections()).isZero();
		assertThat(emulator.queue(TestPublishers.ACCOUNT, QUEUE_A).get().messages()).hasSize(12);
		assertThat(emulator.queue(TestPublishers.ACCOUNT, QUEUE_B).get().messages()).hasSize(12);
		assertThat(mostCountedRequestsInAnyWindow(emulator.requests(), Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
	}

	@Test
	void theSameBurstWithoutTheLimiterTripsTheAccountLimit() {
		CloudflareQueuesEmulator emulator = startEmulator(10, Duration.ofSeconds(1));

		Flux<?> pushes = burst(twoPublishers(serverUrl(emulator), RequestGate.OPEN), 12).onErrorContinue((ex, v) -> {
		});
		pushes.blockLast(Duration.ofSeconds(10));

		assertThat(emulator.rateLimitRejections()).isGreaterThan(0);
	}

	@Test
	void accountWide429PausesEveryPublisherOfTheAccountUntilRetryAfter() {
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT, RateLimitSettings.CLOUDFLARE);

		RequestTimes times = pushToBAfterAIsAnswered(limiter, 429, "1", 971);

		assertThat(times.b() - times.firstA()).isGreaterThanOrEqualTo(950);
		assertThat(limiter.pauseCount()).isEqualTo(1);
	}

	@Test
	void withPacingOffAnAccountWide429StillPausesEveryPublisherOfTheAccount() {
		AccountPauseGate gate = (AccountPauseGate) AccountRateLimiters
			.pausesOnly(Duration.ofSeconds(60), RateLimitSettings.CLOUDFLARE_LOCKOUT)
			.forAccount(TestPublishers.ACCOUNT);

		RequestTimes times = pushToBAfterAIsAnswered(gate, 429, "1", 971);

		assertThat(times.b() - times.firstA()).isGreaterThanOrEqualTo(950);
		assertThat(gate.pauseCount()).isEqualTo(1);
	}

	@Test
	void afterARetryAfterLongerThanMaxWaitLaterPushesFailLocallySayingTheAccountIsPaused() {
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT, RateLimitSettings.CLOUDFLARE);
		answerA(aResponse().withStatus(429)
			.withHeader("Retry-After", "600")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"limited\"}]}"));
		List<QueuePublisher> publishers = twoPublishersWithRetry(limiter);

		StepVerifier.create(publishers.get(0).pushText("a"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(QueueRateLimitedException.class,
					(limited) -> {
						assertThat(limited.getHttpStatus()).isEqualTo(429);
						assertThat(limited).hasMessageStartingWith(
								"The server asked to wait PT10M, longer than retry.max-wait (PT10S)");
					}))
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(publishers.get(1).pushText("b"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(QueueRateLimitedException.class,
					(limited) -> {
						assertThat(limited.isLocal()).isTrue();
						assertThat(limited).hasMessageStartingWith("Not sent: the account " + TestPublishers.ACCOUNT
								+ " is paused for another PT")
							.hasMessageContaining("Cloudflare answered HTTP 429 [971 limited] to push on queue 'a'")
							.hasMessageContaining("longer than rate-limit.max-wait (PT1M)")
							.hasMessageNotContaining("retry.max-wait");
					}))
			.verify(Duration.ofSeconds(5));
		assertThat(requestsTo(QUEUE_A)).hasSize(1);
		assertThat(requestsTo(QUEUE_B)).isEmpty();
	}

	@Test
	void queueOverloaded429PausesOnlyThatQueue() {
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT, RateLimitSettings.CLOUDFLARE);

		RequestTimes times = pushToBAfterAIsAnswered(limiter, 429, "2", 10250);

		assertThat(times.b() - times.firstA()).isLessThan(1500);
		assertThat(times.retryA() - times.firstA()).isGreaterThanOrEqualTo(1950);
		assertThat(limiter.pauseCount()).isZero();
	}

	/**
	 * Queue A's first push is answered with the given failure and then succeeds on retry; queue B pushes once A's
	 * first request has arrived. Both publishers share the account's limiter.
	 */
	private RequestTimes pushToBAfterAIsAnswered(RequestGate accountGate, int status, String retryAfter,
			int code) {
		answerA(aResponse().withStatus(status)
			.withHeader("Retry-After", retryAfter)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\"limited\"}]}"));
		List<QueuePublisher> publishers = twoPublishersWithRetry(accountGate);

		StepVerifier a = StepVerifier.create(publishers.get(0).pushText("a"))
			.expectNextCount(1)
			.expectComplete()
			.verifyLater();
		await().until(() -> !requestsTo(QUEUE_A).isEmpty());
		publishers.get(1).pushText("b").block(Duration.ofSeconds(5));
		a.verify(Duration.ofSeconds(5));

		assertThat(requestsTo(QUEUE_A)).hasSize(2);
		return new RequestTimes(requestsTo(QUEUE_A).get(0).getLoggedDate().getTime(),
				requestsTo(QUEUE_A).get(1).getLoggedDate().getTime(),
				requestsTo(QUEUE_B).get(0).getLoggedDate().getTime());
	}

	private record RequestTimes(long firstA, long retryA, long b) {
	}

	@Test
	void pullAndAckTakeNoPermitWhileCountedCallsAreRefusedLocally() {
		CloudflareQueuesEmulator emulator = startEmulator(0, Duration.ZERO);
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT,
				new RateLimitSettings(3, Duration.ofHours(1), 2, 1.0, Duration.ZERO,
						RateLimitSettings.CLOUDFLARE_LOCKOUT));
		QueueSender sender = TestPublishers.at(serverUrl(emulator)).queue("a", QUEUE_A).gate(limiter).sender();
		QueuePublisher publisher = TestPublishers.at(serverUrl(emulator)).queue("a", QUEUE_A).gate(limiter).build();

		publisher.pushText("one").block(Duration.ofSeconds(5));
		publisher.pushText("two").block(Duration.ofSeconds(5));
		StepVerifier.create(publisher.pushText("three"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(QueueRateLimitedException.class,
					(limited) -> assertThat(limited.isLocal()).isTrue()))
			.verify();
		StepVerifier.create(sender.metrics()).expectError(QueueRateLimitedException.class).verify();
		PullResponse pulled = sender.pull(10, Duration.ofSeconds(30)).block(Duration.ofSeconds(5));
		List<String> leases = pulled.messages().stream().map(PulledMessage::leaseId).toList();
		Integer acked = sender.ack(leases, List.of()).block(Duration.ofSeconds(5)).ackCount();

		assertThat(pulled.messages()).extracting(PulledMessage::body).containsExactly("one", "two");
		assertThat(acked).isEqualTo(2);
		assertThat(emulator.requests()).extracting(RecordedRequest::path)
			.allSatisfy((path) -> assertThat(path).doesNotEndWith("/metrics"))
			.filteredOn((path) -> path.endsWith("/messages"))
			.hasSize(2);
		assertThat(limiter.refusalCount()).isEqualTo(2);
		assertThat(emulator.queue(TestPublishers.ACCOUNT, QUEUE_A).get().messages()).isEmpty();
	}

	private List<QueuePublisher> twoPublishersWithRetry(RequestGate limiter) {
		server.stubFor(post(urlEqualTo(path(QUEUE_B))).willReturn(okJson(OK)));
		RetrySettings retry = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0.0,
				Duration.ofSeconds(10));
		return List.of(
				TestPublishers.at(server.baseUrl()).queue("a", QUEUE_A).retry(retry)
					.gate(new QueueOverloadGate(limiter, Duration.ofSeconds(60))).build(),
				TestPublishers.at(server.baseUrl()).queue("b", QUEUE_B).retry(retry)
					.gate(new QueueOverloadGate(limiter, Duration.ofSeconds(60))).build());
	}

	private static void answerA(ResponseDefinitionBuilder first) {
		server.stubFor(post(urlEqualTo(path(QUEUE_A))).inScenario("a")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("answered")
			.willReturn(first));
		server.stubFor(post(urlEqualTo(path(QUEUE_A))).inScenario("a")
			.whenScenarioStateIs("answered")
			.willReturn(okJson(OK)));
	}

	private static String path(String queue) {
		return "/client/v4/accounts/" + TestPublishers.ACCOUNT + "/queues/" + queue + "/messages";
	}

	private static List<LoggedRequest> requestsTo(String queue) {
		return server.findAll(postRequestedFor(urlEqualTo(path(queue))));
	}

}
