package io.github.cfqueues.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ConsumerWarmUpTests {

	private static final Duration WARM_UP = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock();

	private CloudflareQueuesEmulator emulator;

	private ApiClient client;

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.clock(this.clock)
			.consumerWarmUp(WARM_UP)
			.start();
		this.client = new ApiClient(this.emulator);
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	@Test
	void pullsFailWithATransient503UntilTheWarmUpHasPassedThenSucceed() {
		this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client.push(Bodies.text("hello").toString());

		assertWarmingUp(this.client.pull("{}"), "queue1", "queue1");
		this.clock.advance(WARM_UP.minusMillis(1));
		assertWarmingUp(this.client.pull("{}"), "queue1", "queue1");
		this.clock.advanceMillis(1);

		assertThat(pulled(this.client.pull("{}"))).extracting((message) -> message.get("body").stringValue())
			.containsExactly("hello");
		assertThat(this.emulator.queue(ApiClient.ACCOUNT, ApiClient.QUEUE).orElseThrow().messages())
			.singleElement()
			.satisfies((message) -> assertThat(message.attempts()).isEqualTo(1));
	}

	@Test
	void warmUpCountsFromWhenAConsumerIsCreatedOverTheApi() {
		String queueId = ApiClient
			.result(this.client.post(ApiClient.queuesPath(ApiClient.ACCOUNT), "{\"queue_name\":\"orders\"}"))
			.get("queue_id")
			.stringValue();
		this.clock.advanceSeconds(60);
		String pull = ApiClient.queuePath(ApiClient.ACCOUNT, queueId, "messages/pull");

		this.client.post(ApiClient.adminPath(ApiClient.ACCOUNT, queueId, "consumers"), "{\"type\":\"http_pull\"}");

		assertWarmingUp(this.client.post(pull, "{}"), "orders", queueId);
		this.clock.advance(WARM_UP);
		assertThat(this.client.post(pull, "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void changingTheConsumersSettingsStartsNoNewWarmUpButReplacingTheConsumerDoes() {
		EmulatedQueue queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.clock.advance(WARM_UP);

		queue.configureConsumer(ConsumerSettings.defaults().withBatchSize(1));
		assertThat(this.client.pull("{}").statusCode()).isEqualTo(200);

		queue.removeConsumer();
		queue.configureConsumer(ConsumerSettings.defaults());
		assertWarmingUp(this.client.pull("{}"), "queue1", "queue1");
	}

	@Test
	void acksWorkWhilePullsAreWarmingUp() {
		EmulatedQueue queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client.push(Bodies.text("hello").toString());
		this.clock.advance(WARM_UP);
		String leaseId = pulled(this.client.pull("{}")).get(0).get("lease_id").stringValue();
		queue.removeConsumer();
		queue.configureConsumer(ConsumerSettings.defaults());

		HttpResponse<String> ack = this.client.ack("{\"acks\":[{\"lease_id\":\"" + leaseId + "\"}]}");

		assertThat(ApiClient.result(ack).get("ackCount").intValue()).isEqualTo(1);
		assertWarmingUp(this.client.pull("{}"), "queue1", "queue1");
		assertThat(queue.acknowledged()).extracting(StoredMessage::body).containsExactly("hello");
	}

	@Test
	void queuesCreatedAutomaticallyWarmUpToo() {
		this.emulator.stop();
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.clock(this.clock)
			.autoCreateQueues(true)
			.consumerWarmUp(WARM_UP)
			.start();
		this.client = new ApiClient(this.emulator);

		assertWarmingUp(this.client.pull("{}"), "queue1", "queue1");
		this.clock.advance(WARM_UP);
		assertThat(this.client.pull("{}").statusCode()).isEqualTo(200);
	}

	@Test
	void warmUpIsOffByDefault() {
		try (CloudflareQueuesEmulator plain = CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.clock(this.clock)
			.queue(ApiClient.ACCOUNT, ApiClient.QUEUE)
			.start()) {
			assertThat(new ApiClient(plain).pull("{}").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void warmUpMustNotBeNegativeOrNull() {
		CloudflareQueuesEmulator.Builder builder = CloudflareQueuesEmulator.builder();

		assertThatIllegalArgumentException().isThrownBy(() -> builder.consumerWarmUp(Duration.ofMillis(-1)))
			.withMessage("warmUp must not be negative, not PT-0.001S");
		assertThatNullPointerException().isThrownBy(() -> builder.consumerWarmUp(null))
			.withMessage("warmUp must not be null");
	}

	private static void assertWarmingUp(HttpResponse<String> response, String queueName, String queueId) {
		assertError(response, 503, 15000, "Service Unavailable: the HTTP pull consumer of queue " + queueName + " ("
				+ queueId + ") was created moments ago and is not ready yet; retry shortly");
	}

	private static JsonNode pulled(HttpResponse<String> response) {
		return ApiClient.result(response).get("messages");
	}

}
