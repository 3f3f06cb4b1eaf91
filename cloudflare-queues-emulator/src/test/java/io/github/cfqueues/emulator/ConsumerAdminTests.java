package io.github.cfqueues.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class ConsumerAdminTests extends RunningEmulator {

	private static final String ACCOUNT = "account2";

	private static final String CREATED = MutableClock.START.toString();

	private String queueId;

	private String consumers;

	@BeforeEach
	void createQueueWithoutConsumer() {
		this.queueId = ApiClient.result(this.client.post(ApiClient.queuesPath(ACCOUNT), "{\"queue_name\":\"orders\"}"))
			.get("queue_id")
			.stringValue();
		this.consumers = ApiClient.adminPath(ACCOUNT, this.queueId, "consumers");
	}

	@Test
	void queueCreatedOverHttpListsNoConsumer() {
		assertSuccess(this.client.get(this.consumers), "[]");
	}

	@Test
	void createdConsumerIsAnsweredListedAndShownInTheQueue() {
		this.clock.advanceSeconds(3);

		HttpResponse<String> created = this.client.post(this.consumers, "{\"type\":\"http_pull\",\"settings\":"
				+ "{\"batch_size\":50,\"max_retries\":5,\"retry_delay\":10,\"visibility_timeout_ms\":6000},"
				+ "\"dead_letter_queue\":\"orders-dlq\"}");

		String consumerId = ApiClient.result(created).get("consumer_id").stringValue();
		assertThat(consumerId).matches("[0-9a-f]{32}");
		String expected = consumerJson(consumerId, this.queueId, "orders", MutableClock.START.plusSeconds(3).toString(),
				50, 5, 10, 6000, "orders-dlq");
		assertSuccess(created, expected);
		assertSuccess(this.client.get(this.consumers), "[" + expected + "]");
		assertSuccess(this.client.get(this.consumers + "/" + consumerId), expected);
		JsonNode queue = ApiClient.result(this.client.get(ApiClient.adminPath(ACCOUNT, this.queueId, "")));
		ApiClient.assertJson(queue.get("consumers").toString(), "[" + expected + "]");
		assertThat(queue.get("consumers_total_count").intValue()).isEqualTo(1);
		assertThat(this.emulator.queue(ACCOUNT, this.queueId).orElseThrow().consumer()).hasValue(
				new ConsumerSettings(50, 5, Duration.ofSeconds(10), Duration.ofMillis(6000), "orders-dlq"));
	}

	@Test
	void settingsLeftOutTakeTheirDefaults() {
		JsonNode created = ApiClient.result(this.client.post(this.consumers, "{\"type\":\"http_pull\"}"));

		ApiClient.assertJson(created.toString(), consumerJson(created.get("consumer_id").stringValue(), this.queueId,
				"orders", CREATED, 5, 3, 0, 30000, ""));
	}

	@Test
	void pullsFollowTheConsumersSettings() {
		this.client.post(this.consumers, "{\"type\":\"http_pull\",\"settings\":{\"batch_size\":2,"
				+ "\"visibility_timeout_ms\":1000}}");
		for (int i = 0; i < 3; i++) {
			this.client.post(ApiClient.queuePath(ACCOUNT, this.queueId, "messages"), "{\"body\":" + i + "}");
		}

		JsonNode pulled = ApiClient.result(this.client.post(ApiClient.queuePath(ACCOUNT, this.queueId,
				"messages/pull"), "{}"));

		assertThat(pulled.get("messages")).hasSize(2);
		assertThat(this.emulator.queue(ACCOUNT, this.queueId).orElseThrow().messages().get(0).leaseExpiresAt())
			.isEqualTo(MutableClock.START.plusSeconds(1));
	}

	@Test
	void secondConsumerIsRefusedWith409And11011() {
		String consumerId = createConsumer();

		assertError(this.client.post(this.consumers, "{\"type\":\"http_pull\"}"), 409, 11011, "queue " + this.queueId
				+ " already has consumer " + consumerId + ": update it with PUT or delete it before creating another");
	}

	@Test
	void workerConsumerIsRefusedWith400And11012() {
		assertError(this.client.post(this.consumers, "{\"type\":\"worker\",\"script_name\":\"consumer\"}"), 400,
				11012, "consumer type 'worker' is not supported by the emulator, which runs no Workers: create an "
						+ "'http_pull' consumer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"type\":7}", "", "{\"type\":null}" })
	void consumerWithoutTypeIsRefusedWith400And10207(String body) {
		assertError(this.client.post(this.consumers, body), 400, 10207,
				"JSON request body is invalid: type is required: expected 'http_pull'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"batch_size\":0", "\"batch_size\":101", "\"max_retries\":-1", "\"max_retries\":101",
			"\"retry_delay\":86401", "\"retry_delay\":0.5", "\"visibility_timeout_ms\":43200001",
			"\"visibility_timeout_ms\":\"1000\"" })
	void settingsOutOfBoundsAreRefusedWith400And10207(String setting) {
		HttpResponse<String> response = this.client.post(this.consumers,
				"{\"type\":\"http_pull\",\"settings\":{" + setting + "}}");

		ApiClient.assertErrorCode(response, 400, 10207);
		assertThat(this.emulator.queue(ACCOUNT, this.queueId).orElseThrow().consumer()).isEmpty();
	}

	@Test
	void settingsErrorsSayWhatIsAllowed() {
		assertError(this.client.post(this.consumers, "{\"type\":\"http_pull\",\"settings\":{\"batch_size\":101}}"),
				400, 10207, "JSON request body is invalid: settings.batch_size must be a whole number from 1 to 100");
		assertError(this.client.post(this.consumers, "{\"type\":\"http_pull\",\"settings\":{\"max_retries\":101}}"),
				400, 10207, "JSON request body is invalid: settings.max_retries must be a whole number from 0 to 100");
		assertError(this.client.post(this.consumers, "{\"type\":\"http_pull\",\"settings\":{\"retry_delay\":-1}}"),
				400, 10207, "JSON request body is invalid: settings.retry_delay must be a whole number of seconds "
						+ "from 0 to 86400");
		assertError(
				this.client.post(this.consumers,
						"{\"type\":\"http_pull\",\"settings\":{\"visibility_timeout_ms\":-1}}"),
				400, 10207, "JSON request body is invalid: settings.visibility_timeout_ms must be a whole number of "
						+ "milliseconds from 0 to 43200000");
		assertError(this.client.post(this.consumers, "{\"type\":\"http_pull\",\"dead_letter_queue\":\"a b\"}"), 400,
				10207, "JSON request body is invalid: dead_letter_queue must be the name of a queue: 1 to 63 letters, "
						+ "digits, '-' or '_'");
	}

	@Test
	void boundaryValuesAreAccepted() {
		JsonNode created = ApiClient.result(this.client.post(this.consumers, "{\"type\":\"http_pull\",\"settings\":"
				+ "{\"batch_size\":100,\"max_retries\":100,\"retry_delay\":86400,"
				+ "\"visibility_timeout_ms\":43200000}}"));

		ApiClient.assertJson(created.get("settings").toString(), "{\"batch_size\":100,\"max_retries\":100,"
				+ "\"retry_delay\":86400,\"visibility_timeout_ms\":43200000}");
	}

	@Test
	void putReplacesTheSettingsOfTheConsumer() {
		String consumerId = createConsumer("{\"type\":\"http_pull\",\"settings\":{\"batch_size\":50},"
				+ "\"dead_letter_queue\":\"dead\"}");

		HttpResponse<String> updated = this.client.put(this.consumers + "/" + consumerId,
				"{\"type\":\"http_pull\",\"settings\":{\"max_retries\":10}}");

		assertSuccess(updated, consumerJson(consumerId, this.queueId, "orders", CREATED, 5, 10, 0, 30000, ""));
	}

	@Test
	void putCreatesTheConsumerWithTheGivenIdWhenTheQueueHasNone() {
		String consumerId = "0123456789abcdef0123456789abcdef";

		HttpResponse<String> created = this.client.put(this.consumers + "/" + consumerId, "{\"type\":\"http_pull\"}");

		assertSuccess(created, consumerJson(consumerId, this.queueId, "orders", CREATED, 5, 3, 0, 30000, ""));
	}

	@Test
	void putToAnotherConsumerIdIsRefusedWith409() {
		String consumerId = createConsumer();

		ApiClient.assertErrorCode(this.client.put(this.consumers + "/other", "{\"type\":\"http_pull\"}"), 409, 11011);
		assertThat(ApiClient.result(this.client.get(this.consumers)).get(0).get("consumer_id").stringValue())
			.isEqualTo(consumerId);
	}

	@Test
	void unknownConsumerIsAnswered404With11010() {
		createConsumer();

		assertError(this.client.get(this.consumers + "/nope"), 404, 11010,
				"consumer nope not found on queue " + this.queueId);
		assertError(this.client.delete(this.consumers + "/nope"), 404, 11010,
				"consumer nope not found on queue " + this.queueId);
		ApiClient.assertErrorCode(this.client.get(this.consumers + "/bad-id"), 404, 11010);
	}

	@Test
	void deletingTheConsumerDisablesHttpPull() {
		String consumerId = createConsumer();

		assertSuccess(this.client.delete(this.consumers + "/" + consumerId), "null");

		assertSuccess(this.client.get(this.consumers), "[]");
		ApiClient.assertErrorCode(this.client.post(ApiClient.queuePath(ACCOUNT, this.queueId, "messages/pull"), "{}"),
				400, 11013);
		ApiClient.assertErrorCode(this.client.get(this.consumers + "/" + consumerId), 404, 11010);
	}

	@Test
	void consumerOfAQueueMadeInJavaCanBeReadAndChangedOverHttp() {
		String path = ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "consumers");
		String consumerId = ApiClient.result(this.client.get(path)).get(0).get("consumer_id").stringValue();

		this.client.put(path + "/" + consumerId, "{\"type\":\"http_pull\",\"settings\":{\"max_retries\":0}}");

		assertThat(this.queue.consumer()).hasValueSatisfying(
				(settings) -> assertThat(settings.maxRetries()).isZero());
	}

	private String createConsumer() {
		return createConsumer("{\"type\":\"http_pull\"}");
	}

	private String createConsumer(String body) {
		return ApiClient.result(this.client.post(this.consumers, body)).get("consumer_id").stringValue();
	}

	static String consumerJson(String consumerId, String queueId, String queueName, String createdOn, int batchSize,
			int maxRetries, int retryDelay, int visibilityTimeoutMs, String deadLetterQueue) {
		return "{\"consumer_id\":\"" + consumerId + "\",\"type\":\"http_pull\",\"queue_id\":\"" + queueId
				+ "\",\"queue_name\":\"" + queueName + "\",\"created_on\":\"" + createdOn + "\",\"settings\":{"
				+ "\"batch_size\":" + batchSize + ",\"max_retries\":" + maxRetries + ",\"retry_delay\":" + retryDelay
				+ ",\"visibility_timeout_ms\":" + visibilityTimeoutMs + "},\"dead_letter_queue\":\"" + deadLetterQueue
				+ "\"}";
	}

}
