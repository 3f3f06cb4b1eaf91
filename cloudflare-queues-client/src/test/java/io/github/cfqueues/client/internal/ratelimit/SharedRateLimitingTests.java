package io.github.cfqueues.client.internal.ratelimit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.LogCapture;
import io.github.cfqueues.client.PushLoop;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.RedisRateLimitStore;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.TestRedisServer;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Several processes (clients with connections of their own) sharing one account's limit through a real Redis,
 * against the emulator's account limit and WireMock's exact 429s; and each process on its own when Redis stops, is
 * slow, or was never there.
 */
class SharedRateLimitingTests {

	private static final String OK = "{\"success\":true,\"errors\":[],\"messages\":[]}";

	private static final String ACCOUNT = TestPublishers.ACCOUNT;

	private static final String QUEUE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	private static final String QUEUE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

	private static final String STATE_KEY = RedisConnections.PREFIX + "{" + ACCOUNT + "}";

	private static final String RESUMED = "answers again: this process takes its permits from it";

	private static final RetrySettings RETRY = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(10),
			1.0, 0.0, Duration.ofSeconds(10));

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	final RedisConnections connections = new RedisConnections();

	@RegisterExtension
	final LogCapture log = LogCapture.of(SharedAccountRateLimiter.class.getName(), "INFO");

	private static TestRedisServer redis;

	private final List<CloudflareQueuesClient> clients = new ArrayList<>();

	private CloudflareQueuesEmulator emulator;

	@BeforeAll
	static void startRedis() {
		redis = TestRedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void emptyRedis() {
		if (!redis.isRunning()) {
			redis.restart();
		}
		redis.command("FLUSHALL");
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach((client) -> client.shutdown(Duration.ofSeconds(5)).block(Duration.ofSeconds(10)));
		if (this.emulator != null) {
			this.emulator.stop();
		}
	}

	private CloudflareQueuesEmulator startEmulator(int requests, Duration window) {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.accountRateLimit(requests, window, Duration.ofSeconds(30))
			.start();
		this.emulator.createQueue(ACCOUNT, QUEUE_A);
		this.emulator.createQueue(ACCOUNT, QUEUE_B);
		return this.emulator;
	}

	private CloudflareQueuesClient process(URI baseUrl, RateLimitSettings settings, RedisRateLimitStore store,
			RetrySettings retry) {
		CloudflareQueuesClient.Builder builder = CloudflareQueuesClient.builder()
			.baseUrl(baseUrl)
			.accountId(ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.retry(retry)
			.rateLimit(settings);
		CloudflareQueuesClient client = ((store != null) ? builder.rateLimitStore(store) : builder).build();
		this.clients.add(client);
		return client;
	}

	private RedisRateLimitStore store(int port, double fallbackShare) {
		return RedisRateLimitStore.builder(this.connections.factory(port)).fallbackShare(fallbackShare).build();
	}

	private static QueuePublisher publisher(CloudflareQueuesClient client, String name, String queueId) {
		return client.publisher(name, queueId, QueuePublisherOptions.DEFAULTS);
	}

	private static int mostInAnyWindow(List<RecordedRequest> requests, Duration window) {
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

	/**
	 * Waits until the processes have opened their connections to Redis, as they do while the application starts.
	 */
	private static void awaitConnectedProcesses(int count) {
		await().until(() -> redis.command("CLIENT", "LIST").toString().split("\n").length >= count + 1);
	}

	private List<String> warnings() {
		return this.log.lines().stream().filter((line) -> line.startsWith("WARN")).toList();
	}

	/**
	 * The processes pace themselves at 8 requests per 4 s against the emulator's 10: the two requests of room absorb
	 * the jitter between a permit and its request's arrival, up to two intervals (1 s) on a loaded machine (9 per 2 s
	 * left 444 ms, and a loaded build once went past it).
	 */
	@Test
	void processesSharingTheLimitThroughRedisNeverTripTheAccountLimit() {
		CloudflareQueuesEmulator emulator = startEmulator(10, Duration.ofSeconds(4));
		RateLimitSettings settings = new RateLimitSettings(8, Duration.ofSeconds(4), 1, 1.0, Duration.ofSeconds(60),
				RateLimitSettings.CLOUDFLARE_LOCKOUT);
		List<QueuePublisher> publishers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			CloudflareQueuesClient client = process(emulator.baseUrl(), settings, store(redis.port(), 0.3),
					RetrySettings.none());
			publishers.add(publisher(client, "p" + i, (i % 2 == 0) ? QUEUE_A : QUEUE_B));
		}
		awaitConnectedProcesses(3);

		StepVerifier.create(Flux.fromIterable(publishers)
			.flatMap((publisher) -> Flux.range(0, 5).flatMap((i) -> publisher.pushText("m" + i))))
			.expectNextCount(15)
			.verifyComplete();

		assertThat(emulator.rateLimitRejections()).isZero();
		assertThat(mostInAnyWindow(emulator.requests(), Duration.ofSeconds(4))).isLessThanOrEqualTo(10);
		assertThat(warnings()).isEmpty();
	}

	@Test
	void theSameLoadWithAWholeLocalLimitInEachProcessTripsTheAccountLimit() {
		CloudflareQueuesEmulator emulator = startEmulator(10, Duration.ofSeconds(2));
		RateLimitSettings settings = new RateLimitSettings(9, Duration.ofSeconds(2), 1, 1.0, Duration.ofSeconds(1),
				RateLimitSettings.CLOUDFLARE_LOCKOUT);
		List<QueuePublisher> publishers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			publishers.add(publisher(process(emulator.baseUrl(), settings, null, RetrySettings.none()), "p" + i,
					QUEUE_A));
		}

		Flux.fromIterable(publishers)
			.flatMap((publisher) -> Flux.range(0, 5).flatMap((i) -> publisher.pushText("m" + i)))
			.onErrorContinue((ex, value) -> {
			})
			.blockLast(Duration.ofSeconds(30));

		assertThat(emulator.rateLimitRejections()).isPositive();
	}

	@Test
	void anAccountWide429SeenByOneProcessPausesEveryProcessUntilRetryAfter() {
		answerA(aResponse().withStatus(429)
			.withHeader("Retry-After", "1")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"limited\"}]}"));
		QueuePublisher a = publisher(process(wireMockUrl(), RateLimitSettings.CLOUDFLARE, store(redis.port(), 0.5),
				RETRY), "a", QUEUE_A);
		QueuePublisher b = publisher(process(wireMockUrl(), RateLimitSettings.CLOUDFLARE, store(redis.port(), 0.5),
				RETRY), "b", QUEUE_B);
		awaitConnectedProcesses(2);

		StepVerifier pushA = StepVerifier.create(a.pushText("a")).expectNextCount(1).expectComplete().verifyLater();
		await().until(() -> redis.command("HGET", STATE_KEY, "pause_until") != null);
		b.pushText("b").block(Duration.ofSeconds(10));
		pushA.verify(Duration.ofSeconds(10));

		assertThat(requestsTo(QUEUE_A)).hasSize(2);
		assertThat(time(requestsTo(QUEUE_B).get(0)) - time(requestsTo(QUEUE_A).get(0))).isGreaterThanOrEqualTo(950);
	}

	@Test
	void anAccountPauseLongerThanMaxWaitRefusesEveryProcessSayingWhichAnswerCausedIt() {
		answerA(aResponse().withStatus(429)
			.withHeader("Retry-After", "600")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"limited\"}]}"));
		QueuePublisher a = publisher(process(wireMockUrl(), RateLimitSettings.CLOUDFLARE, store(redis.port(), 0.5),
				RETRY), "a", QUEUE_A);
		QueuePublisher b = publisher(process(wireMockUrl(), RateLimitSettings.CLOUDFLARE, store(redis.port(), 0.5),
				RETRY), "b", QUEUE_B);
		awaitConnectedProcesses(2);

		StepVerifier.create(a.pushText("a")).expectError(QueueRateLimitedException.class).verify(Duration.ofSeconds(10));
		await().until(() -> redis.command("HGET", STATE_KEY, "pause_until") != null);

		StepVerifier.create(b.pushText("b"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(QueueRateLimitedException.class,
					(limited) -> {
						assertThat(limited.isLocal()).isTrue();
						assertThat(limited).hasMessageStartingWith("Not sent: the account " + ACCOUNT
								+ " is paused for another PT")
							.hasMessageContaining("Cloudflare answered HTTP 429 [971 limited] to push on queue 'a'")
							.hasMessageContaining("shared by every process of the account")
							.hasMessageContaining("longer than rate-limit.max-wait (PT1M)");
					}))
			.verify(Duration.ofSeconds(10));
		assertThat(requestsTo(QUEUE_B)).isEmpty();
		assertThat(redis.command("HGETALL", STATE_KEY).toString()).doesNotContain(TestPublishers.TOKEN);
	}

	@Test
	void anOverloadedQueuePausesThatQueueInEveryProcessAndNoOtherQueue() {
		answerA(aResponse().withStatus(429)
			.withHeader("Retry-After", "2")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"errors\":[{\"code\":10250,\"message\":\"overloaded\"}]}"));
		server.stubFor(post(urlEqualTo(path(QUEUE_B))).willReturn(okJson(OK)));
		QueuePublisher a = publisher(process(wireMockUrl(), RateLimitSettings.CLOUDFLARE, store(redis.port(), 0.5),
				RETRY), "a", QUEUE_A);
		CloudflareQueuesClient other = process(wireMockUrl(), RateLimitSettings.CLOUDFLARE, store(redis.port(), 0.5),
				RETRY);
		QueuePublisher sameQueue = publisher(other, "a", QUEUE_A);
		QueuePublisher otherQueue = publisher(other, "b", QUEUE_B);
		awaitConnectedProcesses(2);

		StepVerifier pushA = StepVerifier.create(a.pushText("a")).expectNextCount(1).expectComplete().verifyLater();
		await().until(() -> redis.keys().contains(STATE_KEY + ":queue:" + QUEUE_A));
		StepVerifier.create(Flux.merge(sameQueue.pushText("same"), otherQueue.pushText("other")))
			.expectNextCount(2)
			.verifyComplete();
		pushA.verify(Duration.ofSeconds(10));

		long firstA = time(requestsTo(QUEUE_A).get(0));
		assertThat(requestsTo(QUEUE_A)).hasSize(3)
			.allSatisfy((request) -> assertThat(request.getBodyAsString()).isNotEmpty());
		assertThat(requestsTo(QUEUE_A).stream().skip(1).mapToLong(SharedRateLimitingTests::time))
			.allSatisfy((at) -> assertThat(at - firstA).isGreaterThanOrEqualTo(1900));
		assertThat(time(requestsTo(QUEUE_B).get(0)) - firstA).isLessThan(1500);
	}

	@Test
	void keysHoldTheAccountIdInTheirNamespaceAndNeverACredential() {
		CloudflareQueuesEmulator emulator = startEmulator(100, Duration.ofSeconds(1));
		QueuePublisher publisher = publisher(process(emulator.baseUrl(), RateLimitSettings.CLOUDFLARE,
				store(redis.port(), 0.5), RetrySettings.none()), "a", QUEUE_A);
		awaitConnectedProcesses(1);

		publisher.pushText("one").block(Duration.ofSeconds(10));

		assertThat(redis.keys()).containsExactlyInAnyOrder(STATE_KEY, STATE_KEY + ":processes");
		assertThat(redis.command("HGETALL", STATE_KEY).toString()).doesNotContain(TestPublishers.TOKEN);
		assertThat((List<?>) redis.command("ZRANGE", STATE_KEY + ":processes", "0", "-1")).singleElement()
			.asString()
			.as("a random id per process")
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	/**
	 * One process under full load against the emulator's account limit: Redis stops for a while, then comes back
	 * empty. Every push is answered, the emulator never answers 429 (the fallback share paces the process while
	 * Redis is gone, and its fallback permits are charged to the shared schedule on return), one WARN says so, and
	 * the shared limiter takes over again once Redis answers.
	 */
	@Test
	void whenRedisStopsPushesArePacedLocallyWithOneWarnAndTheSharedLimiterResumesWhenRedisIsBack() {
		CloudflareQueuesEmulator emulator = startEmulator(10, Duration.ofSeconds(2));
		RateLimitSettings settings = new RateLimitSettings(9, Duration.ofSeconds(2), 1, 1.0, Duration.ofSeconds(60),
				RateLimitSettings.CLOUDFLARE_LOCKOUT);
		RedisRateLimitStore store = RedisRateLimitStore.builder(this.connections.factory(redis.port()))
			.fallbackShare(0.5)
			.timeout(Duration.ofSeconds(2))
			.build();
		QueuePublisher publisher = publisher(process(emulator.baseUrl(), settings, store, RetrySettings.none()), "a",
				QUEUE_A);
		awaitConnectedProcesses(1);

		PushLoop load = PushLoop.start(publisher, 4);
		await().atMost(Duration.ofSeconds(30)).until(() -> load.succeeded() >= 10);
		redis.stop();
		Instant stopped = Instant.now();
		await().atMost(Duration.ofSeconds(20)).until(() -> warnings().size() == 1);
		long beforeOutage = load.succeeded();
		await().atMost(Duration.ofSeconds(30)).until(() -> load.succeeded() >= beforeOutage + 5);
		redis.restart();
		Instant restarted = Instant.now();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.log.text().contains(RESUMED));
		long resumed = load.succeeded();
		await().atMost(Duration.ofSeconds(30)).until(() -> load.succeeded() >= resumed + 10);
		load.stop(Duration.ofSeconds(30));

		assertThat(load.failedUntyped()).isEmpty();
		assertThat(load.typedFailures()).isEmpty();
		assertThat(load.succeeded()).isEqualTo(load.started());
		assertThat(emulator.rateLimitRejections()).isZero();
		assertThat(warnings()).hasSize(1)
			.first()
			.asString()
			.contains("The shared rate limiter of account " + ACCOUNT + " did not answer within PT2S")
			.contains("0.5 of the account's limit (rate-limit.redis.fallback-share)");
		assertThat(this.log.lines()).filteredOn((line) -> line.contains(RESUMED)).hasSize(1);
		assertThat(redis.command("HGET", STATE_KEY, "tat")).isNotNull();
		List<Instant> duringOutage = emulator.requests()
			.stream()
			.map(RecordedRequest::receivedAt)
			.filter((at) -> at.isAfter(stopped.plusSeconds(1)) && at.isBefore(restarted))
			.toList();
		assertThat(mostInAnyWindow(emulator.requests().stream()
			.filter((request) -> duringOutage.contains(request.receivedAt()))
			.toList(), Duration.ofSeconds(2))).isLessThanOrEqualTo(5);
	}

	/**
	 * Redis holds every command for 10 s: the pushes made meanwhile do not wait for it (they end within 6 s), each
	 * waits at most the timeout before the process paces itself.
	 */
	@Test
	void whenRedisIsSlowRequestsArePacedLocallyAfterTheTimeoutRatherThanWaitForIt() {
		CloudflareQueuesEmulator emulator = startEmulator(100, Duration.ofSeconds(1));
		RedisRateLimitStore store = RedisRateLimitStore.builder(this.connections.factory(redis.port()))
			.fallbackShare(0.5)
			.timeout(Duration.ofSeconds(1))
			.build();
		QueuePublisher publisher = publisher(process(emulator.baseUrl(), RateLimitSettings.CLOUDFLARE, store,
				RetrySettings.none()), "a", QUEUE_A);
		awaitConnectedProcesses(1);
		publisher.pushText("before").block(Duration.ofSeconds(10));

		redis.pauseClients(Duration.ofSeconds(10));
		StepVerifier.create(Flux.range(0, 3).concatMap((i) -> publisher.pushText("while slow " + i), 1))
			.expectNextCount(3)
			.expectComplete()
			.verify(Duration.ofSeconds(6));
		await().atMost(Duration.ofSeconds(20)).until(() -> "PONG".equals(redis.command("PING")));

		assertThat(emulator.queue(ACCOUNT, QUEUE_A).get().messages()).hasSize(4);
		assertThat(warnings()).hasSize(1).first().asString().contains("did not answer within PT1S");
	}

	@Test
	void whenRedisWasNeverThereRequestsArePacedLocallyFromTheStart() {
		CloudflareQueuesEmulator emulator = startEmulator(100, Duration.ofSeconds(1));
		int nothingListens = redis.port();
		redis.stop();
		QueuePublisher publisher = publisher(process(emulator.baseUrl(), RateLimitSettings.CLOUDFLARE,
				store(nothingListens, 0.5), RetrySettings.none()), "a", QUEUE_A);

		StepVerifier.create(Flux.range(0, 5).flatMap((i) -> publisher.pushText("m" + i)))
			.expectNextCount(5)
			.verifyComplete();

		assertThat(emulator.queue(ACCOUNT, QUEUE_A).get().messages()).hasSize(5);
		assertThat(warnings()).hasSize(1);
	}

	@Test
	void aStoreNeedsPacing() {
		CloudflareQueuesClient.Builder builder = CloudflareQueuesClient.builder()
			.rateLimitPacing(false)
			.rateLimitStore(store(redis.port(), 0.5));

		assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("rateLimitPacing(true)");
	}

	@Test
	void aFallbackShareThatLeavesNoRoomBeyondTheBurstIsRefused() {
		CloudflareQueuesClient.Builder builder = CloudflareQueuesClient.builder()
			.rateLimitStore(store(redis.port(), 0.005));

		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessageStartingWith("The Redis rate-limit store's fallback share: burst (10) must be smaller");
	}

	private static URI wireMockUrl() {
		return URI.create(server.baseUrl() + "/client/v4");
	}

	private static void answerA(ResponseDefinitionBuilder first) {
		server.stubFor(post(urlEqualTo(path(QUEUE_A))).inScenario("a")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("answered")
			.willReturn(first));
		server.stubFor(post(urlEqualTo(path(QUEUE_A))).inScenario("a")
			.whenScenarioStateIs("answered")
			.willReturn(okJson(OK)));
		server.stubFor(post(urlEqualTo(path(QUEUE_B))).willReturn(okJson(OK)));
	}

	private static String path(String queue) {
		return "/client/v4/accounts/" + ACCOUNT + "/queues/" + queue + "/messages";
	}

	private static List<LoggedRequest> requestsTo(String queue) {
		return server.findAll(postRequestedFor(urlEqualTo(path(queue))));
	}

	private static long time(LoggedRequest request) {
		return request.getLoggedDate().getTime();
	}

}
