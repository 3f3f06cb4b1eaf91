package io.github.cfqueues.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RateLimitTests {

	private static final String PUSH = "{\"body\":\"x\",\"content_type\":\"text\"}";

	private static final String THROTTLED = "Please wait and consider throttling your request speed";

	private final MutableClock clock = new MutableClock();

	private CloudflareQueuesEmulator emulator;

	private ApiClient client;

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	@Test
	void allowsTheConfiguredRequestsThenAnswers429WithRetryAfter() {
		start(3, Duration.ofMinutes(1), Duration.ofMinutes(2));

		for (int i = 0; i < 3; i++) {
			assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> rejected = this.client.push(PUSH);

		assertError(rejected, 429, 971, THROTTLED);
		assertThat(rejected.headers().firstValue("Retry-After")).hasValue("120");
		assertThat(this.emulator.rateLimitRejections()).isEqualTo(1);
		assertThat(queue().messages()).hasSize(3);
	}

	@Test
	void lockoutBlocksEveryCountedCallOfTheAccountUntilItEnds() {
		start(2, Duration.ofMinutes(1), Duration.ofMinutes(2));
		this.client.push(PUSH);
		this.client.metrics();
		this.client.push(PUSH);
		this.clock.advanceSeconds(30);

		HttpResponse<String> metrics = this.client.metrics();
		HttpResponse<String> batch = this.client.batch("{\"messages\":[{\"body\":1}]}");
		HttpResponse<String> unknownQueue = this.client.get(ApiClient.queuePath(ApiClient.ACCOUNT, "other", "metrics"));

		assertError(metrics, 429, 971, THROTTLED);
		assertThat(metrics.headers().firstValue("Retry-After")).hasValue("90");
		assertThat(batch.statusCode()).isEqualTo(429);
		assertThat(unknownQueue.statusCode()).isEqualTo(429);
		assertThat(this.emulator.rateLimitRejections()).isEqualTo(4);

		this.clock.advanceSeconds(89);
		assertThat(this.client.push(PUSH).headers().firstValue("Retry-After")).hasValue("1");
		this.clock.advanceSeconds(1);
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void otherAccountsAreNotLimitedByAnAccountsLockout() {
		start(1, Duration.ofMinutes(1), Duration.ofMinutes(5));
		this.emulator.createQueue("account2", ApiClient.QUEUE);
		this.client.push(PUSH);
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(429);

		assertThat(this.client.post(ApiClient.queuePath("account2", ApiClient.QUEUE, "messages"), PUSH).statusCode())
			.isEqualTo(200);
	}

	@Test
	void pullAndAckAreNeitherCountedNorBlocked() {
		start(2, Duration.ofMinutes(1), Duration.ofMinutes(5));
		queue().configureConsumer(ConsumerSettings.defaults().withMaxRetries(100));
		this.client.push(PUSH);
		for (int i = 0; i < 10; i++) {
			assertThat(this.client.pull("{\"visibility_timeout_ms\":0}").statusCode()).isEqualTo(200);
			assertThat(this.client.ack("{}").statusCode()).isEqualTo(200);
		}
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(429);

		JsonNode pulled = ApiClient.result(this.client.pull("{\"batch_size\":10}")).get("messages");
		HttpResponse<String> ack = this.client
			.ack("{\"acks\":[{\"lease_id\":\"" + pulled.get(0).get("lease_id").stringValue() + "\"}]}");

		assertThat(pulled).hasSize(2);
		assertThat(ApiClient.result(ack).get("ackCount").intValue()).isEqualTo(1);
		assertThat(this.emulator.rateLimitRejections()).isEqualTo(1);
	}

	@Test
	void windowSlidesWithTheClock() {
		start(2, Duration.ofSeconds(10), Duration.ZERO);
		this.client.push(PUSH);
		this.clock.advanceSeconds(5);
		this.client.push(PUSH);
		this.clock.advanceSeconds(1);

		HttpResponse<String> rejected = this.client.push(PUSH);
		assertThat(rejected.statusCode()).isEqualTo(429);
		assertThat(rejected.headers().firstValue("Retry-After")).hasValue("4");

		this.clock.advanceSeconds(4);
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(429);
		this.clock.advanceSeconds(5);
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void retryAfterIsRoundedUpToWholeSeconds() {
		start(1, Duration.ofSeconds(10), Duration.ofMillis(1500));
		this.client.push(PUSH);

		assertThat(this.client.push(PUSH).headers().firstValue("Retry-After")).hasValue("2");
		this.clock.advanceMillis(1400);
		assertThat(this.client.push(PUSH).headers().firstValue("Retry-After")).hasValue("1");
	}

	@Test
	void rejectedRequestsAreRecordedWith429AndDoNotTakeAPlaceInTheWindow() {
		start(1, Duration.ofSeconds(10), Duration.ZERO);
		this.client.push(PUSH);
		this.client.push(PUSH);
		this.client.push(PUSH);
		this.clock.advanceSeconds(10);

		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
		assertThat(this.emulator.requests())
			.extracting(RecordedRequest::status, RecordedRequest::countedAgainstRateLimit)
			.containsExactly(tuple(200, true), tuple(429, false), tuple(429, false), tuple(200, true));
	}

	@Test
	void failedAuthenticationDoesNotCount() {
		start(1, Duration.ofMinutes(1), Duration.ofMinutes(1));
		ApiClient.send(this.client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.POST(HttpRequest.BodyPublishers.ofString(PUSH))
			.build());

		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void noLimitAppliesWhenNoneIsConfigured() {
		this.emulator = CloudflareQueuesEmulator.builder().queue(ApiClient.ACCOUNT, ApiClient.QUEUE).start();
		this.client = new ApiClient(this.emulator);

		for (int i = 0; i < 50; i++) {
			assertThat(this.client.metrics().statusCode()).isEqualTo(200);
		}
		assertThat(this.emulator.rateLimitRejections()).isZero();
	}

	@Test
	void resetForgetsWindowsLockoutsAndRejections() {
		start(1, Duration.ofMinutes(1), Duration.ofMinutes(5));
		this.client.push(PUSH);
		this.client.push(PUSH);

		this.emulator.reset();

		assertThat(this.emulator.rateLimitRejections()).isZero();
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
	}

	private void start(int requests, Duration window, Duration lockout) {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.clock(this.clock)
			.accountRateLimit(requests, window, lockout)
			.queue(ApiClient.ACCOUNT, ApiClient.QUEUE)
			.start();
		this.client = new ApiClient(this.emulator);
	}

	private EmulatedQueue queue() {
		return this.emulator.queue(ApiClient.ACCOUNT, ApiClient.QUEUE).orElseThrow();
	}

}
