package io.github.cfqueues.client.internal.listener;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cfqueues.client.LogCapture;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener's container while pulls fail with server errors, against exact answers: how it backs off, how often it
 * says so, and that stopping does not wait out the retry policy's back-off of a pull in flight.
 */
class ListenerPullFailureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String FAILING = "failing";

	private static final String PULL_FAILED = "a pull from queue 'orders' failed";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	final LogCapture log = LogCapture.of("io.github.cfqueues.client.internal.listener", "WARN");

	private PollingListenerContainer container;

	@AfterEach
	void stopContainer() {
		if (this.container != null) {
			this.container.stop();
		}
	}

	private PollingListenerContainer start(TestPublishers publishers, ListenerSettings settings,
			QueueConsumerOptions options) {
		QueueListenerEndpoint endpoint = QueueListenerEndpoint.of("orders-listener", "orders",
				(message) -> Mono.empty(), null);
		this.container = new PollingListenerContainer(endpoint, publishers.consumer(options), settings);
		this.container.start();
		return this.container;
	}

	private static void firstPullAnswers(String messages) {
		server.stubFor(post(urlEqualTo(TestPublishers.PULL_PATH)).inScenario("pulls")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"messages\":[" + messages
					+ "]}}"))
			.willSetStateTo(FAILING));
		server.stubFor(post(urlEqualTo(TestPublishers.PULL_PATH)).inScenario("pulls")
			.whenScenarioStateIs(FAILING)
			.willReturn(aResponse().withStatus(503)));
		server.stubFor(post(urlEqualTo(TestPublishers.ACK_PATH))
			.willReturn(okJson("{\"success\":true,\"result\":{\"ackCount\":10,\"retryCount\":0,\"warnings\":{}}}")));
	}

	private static int pulls() {
		return server.findAll(postRequestedFor(urlEqualTo(TestPublishers.PULL_PATH))).size();
	}

	private static String message(int i) {
		return """
				{"id":"m%d","body":"b%d","attempts":1,"timestamp_ms":1700000000000,"lease_id":"lease-m%d",
				 "metadata":{"CF-Content-Type":"text"}}""".formatted(i, i, i);
	}

	private static ListenerSettings.Builder settings(Duration idle, Duration maxIdle) {
		return ListenerSettings.builder().idleInterval(idle, maxIdle).stopTimeout(Duration.ofSeconds(20));
	}

	@Test
	void stoppingCutsTheRetryPolicysBackOffOfAPullInFlightShort() {
		firstPullAnswers("");
		TestPublishers publishers = TestPublishers.at(server.baseUrl())
			.retry(new RetrySettings(3, Duration.ofSeconds(30), Duration.ofSeconds(30), 1.0, 0.0, Duration.ofSeconds(60)));
		PollingListenerContainer container = start(publishers,
				settings(Duration.ofMillis(20), Duration.ofMillis(100)).build(), QueueConsumerOptions.DEFAULTS);
		await().atMost(TIMEOUT).until(() -> !publishers.retryWaits().isEmpty());
		assertThat(publishers.retryWaits()).containsExactly(Duration.ofSeconds(30));

		long started = System.nanoTime();
		container.stop();
		Duration stopping = Duration.ofNanos(System.nanoTime() - started);

		assertThat(stopping).as("stop() does not wait out the 30 s back-off").isLessThan(Duration.ofSeconds(10));
		assertThat(container.isRunning()).isFalse();
		assertThat(this.log.text()).doesNotContain("at the stop timeout", PULL_FAILED);
		assertThat(pulls()).isEqualTo(2);
	}

	@Test
	void aPullOnTheWireWhenStoppingBringsItsAnswerAndItsMessagesAreHandedBack() {
		firstPullAnswers("");
		server.stubFor(post(urlEqualTo(TestPublishers.PULL_PATH)).inScenario("pulls")
			.whenScenarioStateIs(FAILING)
			.willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"messages\":["
					+ message(1) + "," + message(2) + "]}}").withFixedDelay(1000)));
		PollingListenerContainer container = start(TestPublishers.at(server.baseUrl()),
				settings(Duration.ofMillis(20), Duration.ofMillis(100)).build(),
				QueueConsumerOptions.builder().ackMaxWait(Duration.ofSeconds(5)).build());
		await().atMost(TIMEOUT).until(() -> pulls() == 2);

		container.stop();

		server.verify(1, postRequestedFor(urlEqualTo(TestPublishers.ACK_PATH)).withRequestBody(equalToJson("""
				{"acks":[],"retries":[{"lease_id":"lease-m1","delay_seconds":0},{"lease_id":"lease-m2","delay_seconds":0}]}
				""", true, false)));
		assertThat(this.log.text()).doesNotContain("at the stop timeout");
	}

	@Test
	void aPullStillUnansweredAtTheStopTimeoutIsCancelledAndSaidSo() {
		firstPullAnswers("");
		server.stubFor(post(urlEqualTo(TestPublishers.PULL_PATH)).inScenario("pulls")
			.whenScenarioStateIs(FAILING)
			.willReturn(okJson("{\"success\":true,\"result\":{\"messages\":[]}}").withFixedDelay(4000)));
		PollingListenerContainer container = start(TestPublishers.at(server.baseUrl()),
				settings(Duration.ofMillis(20), Duration.ofMillis(100)).stopTimeout(Duration.ofMillis(300)).build(),
				QueueConsumerOptions.DEFAULTS);
		await().atMost(TIMEOUT).until(() -> pulls() == 2);

		container.stop();

		assertThat(this.log.lines()).filteredOn((line) -> line.contains("at the stop timeout"))
			.containsExactly("WARN Queue listener 'orders-listener': 1 pull(s) still unanswered at the stop timeout "
					+ "(PT0.3S) were cancelled; messages they may have leased come back after the visibility timeout");
	}

	@Test
	void failedPullsAreFollowedByAWaitThatDoublesUpToTheLongestOne() {
		firstPullAnswers("");
		Duration idle = Duration.ofMillis(50);
		Duration maxIdle = Duration.ofMillis(400);
		long started = System.nanoTime();
		start(TestPublishers.at(server.baseUrl()), settings(idle, maxIdle).build(), QueueConsumerOptions.DEFAULTS);

		await().atMost(TIMEOUT).until(() -> pulls() >= 8);
		this.container.stop();
		int pulls = pulls();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

		assertThat(pulls).as("pulls in %s with waits doubling from %s to %s", elapsed, idle, maxIdle)
			.isLessThanOrEqualTo(mostPullsWithin(elapsed, idle, maxIdle));
		assertAtMostOncePer(idle, this.log.times(PULL_FAILED));
	}

	private static void assertAtMostOncePer(Duration wait, List<Long> logged) {
		assertThat(logged).isNotEmpty();
		for (int i = 1; i < logged.size(); i++) {
			assertThat(logged.get(i) - logged.get(i - 1)).as("milliseconds between warnings %d and %d", i, i + 1)
				.isGreaterThanOrEqualTo(wait.toMillis() - 2);
		}
	}

	/**
	 * The most pulls that fit in a time: the first at once, each next one after a wait of at least 80 % (the most
	 * jitter takes off) of one that doubles from {@code idle} up to {@code maxIdle}.
	 */
	private static int mostPullsWithin(Duration elapsed, Duration idle, Duration maxIdle) {
		long left = elapsed.toNanos();
		long wait = idle.toNanos();
		int pulls = 1;
		while (left >= wait * 8 / 10) {
			left -= wait * 8 / 10;
			pulls++;
			wait = Math.min(wait * 2, maxIdle.toNanos());
		}
		return pulls;
	}

	@Test
	void overlappingPullsThatFailTogetherAreLoggedAtMostOncePerWait() {
		firstPullAnswers(IntStream.range(0, 10).mapToObj(ListenerPullFailureTests::message)
			.collect(Collectors.joining(",")));
		Duration idle = Duration.ofMillis(500);
		start(TestPublishers.at(server.baseUrl()), settings(idle, Duration.ofSeconds(1)).concurrency(40).build(),
				QueueConsumerOptions.builder().batchSize(10).ackMaxWait(Duration.ofMillis(5)).build());

		await().atMost(TIMEOUT).until(() -> pulls() >= 7);
		this.container.stop();

		List<Long> logged = this.log.times(PULL_FAILED);
		assertAtMostOncePer(idle, logged);
		assertThat(logged).as("warnings for %d failed pulls", pulls() - 1).hasSizeLessThan(pulls() - 1);
	}

}
