package io.github.cfqueues.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class QueueAdminTests extends RunningEmulator {

	private static final String ACCOUNT = "account2";

	private static final String QUEUES = ApiClient.queuesPath(ACCOUNT);

	private static final String CREATED = MutableClock.START.toString();

	@Test
	void createdQueueIsAnsweredWithANewIdAndNoConsumer() {
		HttpResponse<String> response = this.client.post(QUEUES, "{\"queue_name\":\"orders\"}");

		String queueId = ApiClient.result(response).get("queue_id").stringValue();
		assertThat(queueId).matches("[0-9a-f]{32}");
		assertSuccess(response, queueJson(queueId, "orders", CREATED, "[]", "0", "false", "345600"));
		assertThat(this.emulator.queueByName(ACCOUNT, "orders")).hasValueSatisfying((queue) -> {
			assertThat(queue.queueId()).isEqualTo(queueId);
			assertThat(queue.consumer()).isEmpty();
		});
	}

	@Test
	void queueCreatedOverHttpRefusesPullsUntilItHasAnHttpPullConsumer() {
		String queueId = create("orders");
		String pull = ApiClient.queuePath(ACCOUNT, queueId, "messages/pull");
		this.client.post(ApiClient.queuePath(ACCOUNT, queueId, "messages"), "{\"body\":1}");

		assertError(this.client.post(pull, "{}"), 400, 11013, "HTTP pull is not enabled on queue orders (" + queueId
				+ "): create a consumer of type 'http_pull' on the queue to pull and acknowledge messages over HTTP");

		this.client.post(ApiClient.adminPath(ACCOUNT, queueId, "consumers"), "{\"type\":\"http_pull\"}");
		assertThat(ApiClient.result(this.client.post(pull, "{}")).get("messages")).hasSize(1);
	}

	@Test
	void duplicateNameIsRefusedWith409And11009() {
		create("orders");

		assertError(this.client.post(QUEUES, "{\"queue_name\":\"orders\"}"), 409, 11009,
				"a queue named 'orders' already exists in account account2: choose another name");
		assertThat(this.client.post(ApiClient.queuesPath("account3"), "{\"queue_name\":\"orders\"}").statusCode())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"has space\"", "\"dot.ted\"", "\"\"", "\"é\"",
			"\"0123456789012345678901234567890123456789012345678901234567890123\"" })
	void invalidNameIsRefusedWith400And11003(String name) {
		String expected = "queue_name '" + ApiClient.JSON.readTree(name).stringValue()
				+ "' is invalid: expected 1 to 63 letters, digits, '-' or '_'";

		assertError(this.client.post(QUEUES, "{\"queue_name\":" + name + "}"), 400, 11003, expected);
	}

	@Test
	void missingOrNonStringNameIsRefusedWith11003() {
		assertError(this.client.post(QUEUES, "{}"), 400, 11003,
				"queue_name is required: expected 1 to 63 letters, digits, '-' or '_'");
		assertError(this.client.post(QUEUES, "{\"queue_name\":7}"), 400, 11003,
				"queue_name must be a string: expected 1 to 63 letters, digits, '-' or '_'");
		assertError(this.client.post(QUEUES, "{queue_name}"), 400, 10208, "JSON request body is malformed");
	}

	@Test
	void nameOfSixtyThreeLettersDigitsDashesAndUnderscoresIsAccepted() {
		String name = "a-_".repeat(21);

		assertThat(ApiClient.result(this.client.post(QUEUES, "{\"queue_name\":\"" + name + "\"}"))
			.get("queue_name")
			.stringValue()).isEqualTo(name);
	}

	@Test
	void getAnswersTheQueueWithItsConsumer() {
		JsonNode queue = ApiClient.result(this.client.get(ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "")));

		JsonNode consumer = queue.get("consumers").get(0);
		assertThat(queue.get("queue_name").stringValue()).isEqualTo(ApiClient.QUEUE);
		assertThat(queue.get("consumers_total_count").intValue()).isEqualTo(1);
		ApiClient.assertJson(queue.toString(), queueJson(ApiClient.QUEUE, ApiClient.QUEUE, CREATED,
				"[" + ConsumerAdminTests.consumerJson(consumer.get("consumer_id").stringValue(), ApiClient.QUEUE,
						ApiClient.QUEUE, CREATED, 5, 3, 0, 30000, "")
						+ "]",
				"0", "false", "345600"));
	}

	@Test
	void unknownQueueIsAnswered404With10104OnEveryEndpoint() {
		String missing = "missing";
		String message = "queue missing not found in account account2";

		assertError(this.client.get(ApiClient.adminPath(ACCOUNT, missing, "")), 404, 10104, message);
		assertError(this.client.put(ApiClient.adminPath(ACCOUNT, missing, ""), "{}"), 404, 10104, message);
		assertError(this.client.patch(ApiClient.adminPath(ACCOUNT, missing, ""), "{}"), 404, 10104, message);
		assertError(this.client.delete(ApiClient.adminPath(ACCOUNT, missing, "")), 404, 10104, message);
		assertError(this.client.get(ApiClient.adminPath(ACCOUNT, missing, "purge")), 404, 10104, message);
		assertError(this.client.get(ApiClient.adminPath(ACCOUNT, missing, "consumers")), 404, 10104, message);
		assertError(this.client.get(ApiClient.adminPath(ACCOUNT, missing, "consumers/abc")), 404, 10104, message);
	}

	@Test
	void malformedQueueIdIsAnswered400With10107() {
		assertError(this.client.get(ApiClient.adminPath(ACCOUNT, "bad-id", "")), 400, 10107,
				"queue_id 'bad-id' is malformed: expected 1 to 32 letters or digits");
		assertError(this.client.get(ApiClient.queuesPath("bad-account")), 400, 10107,
				"account_id 'bad-account' is malformed: expected 1 to 32 letters or digits");
	}

	@Test
	void putReplacesEverySettingAndPatchOnlyThoseItNames() {
		String queueId = create("orders");
		String path = ApiClient.adminPath(ACCOUNT, queueId, "");
		this.clock.advanceSeconds(10);

		assertSuccess(this.client.put(path, "{\"settings\":{\"delivery_delay\":30,\"delivery_paused\":true,"
				+ "\"message_retention_period\":60}}"),
				queueJson(queueId, "orders", MutableClock.START.plusSeconds(10).toString(), "[]", "30", "true", "60"));
		assertThat(this.emulator.queue(ACCOUNT, queueId).orElseThrow().settings()).isEqualTo(
				new QueueSettings(Duration.ofSeconds(30), true, Duration.ofSeconds(60)));

		JsonNode patched = ApiClient.result(this.client.patch(path, "{\"settings\":{\"delivery_paused\":false}}"));
		ApiClient.assertJson(patched.get("settings").toString(),
				"{\"delivery_delay\":30,\"delivery_paused\":false,\"message_retention_period\":60}");

		JsonNode replaced = ApiClient.result(this.client.put(path, "{\"settings\":{\"delivery_delay\":5}}"));
		ApiClient.assertJson(replaced.get("settings").toString(),
				"{\"delivery_delay\":5,\"delivery_paused\":false,\"message_retention_period\":345600}");
	}

	@Test
	void patchRenamesTheQueue() {
		String queueId = create("orders");
		create("emails");

		JsonNode renamed = ApiClient.result(this.client.patch(ApiClient.adminPath(ACCOUNT, queueId, ""),
				"{\"queue_name\":\"orders-v2\"}"));

		assertThat(renamed.get("queue_name").stringValue()).isEqualTo("orders-v2");
		assertThat(this.emulator.queueByName(ACCOUNT, "orders")).isEmpty();
		assertThat(this.emulator.queueByName(ACCOUNT, "orders-v2")).isPresent();
		assertError(this.client.patch(ApiClient.adminPath(ACCOUNT, queueId, ""), "{\"queue_name\":\"emails\"}"), 409,
				11009, "a queue named 'emails' already exists in account account2: choose another name");
		assertThat(this.client.patch(ApiClient.adminPath(ACCOUNT, queueId, ""), "{\"queue_name\":\"orders-v2\"}")
			.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"settings\":{\"delivery_delay\":86401}}", "{\"settings\":{\"delivery_delay\":-1}}",
			"{\"settings\":{\"delivery_delay\":1.5}}", "{\"settings\":{\"message_retention_period\":59}}",
			"{\"settings\":{\"message_retention_period\":1209601}}", "{\"settings\":{\"delivery_paused\":\"yes\"}}",
			"{\"settings\":[]}" })
	void settingsOutOfBoundsAreRefusedWith400And10207(String body) {
		String queueId = create("orders");

		HttpResponse<String> response = this.client.put(ApiClient.adminPath(ACCOUNT, queueId, ""), body);

		ApiClient.assertErrorCode(response, 400, 10207);
		assertThat(this.emulator.queue(ACCOUNT, queueId).orElseThrow().settings()).isEqualTo(QueueSettings.defaults());
	}

	@Test
	void settingsErrorsSayWhatIsAllowed() {
		String path = ApiClient.adminPath(ACCOUNT, create("orders"), "");

		assertError(this.client.patch(path, "{\"settings\":{\"delivery_delay\":86401}}"), 400, 10207,
				"JSON request body is invalid: settings.delivery_delay must be a whole number of seconds from 0 to "
						+ "86400");
		assertError(this.client.patch(path, "{\"settings\":{\"message_retention_period\":30}}"), 400, 10207,
				"JSON request body is invalid: settings.message_retention_period must be a whole number of seconds "
						+ "from 60 to 1209600");
		assertError(this.client.patch(path, "{\"settings\":{\"delivery_paused\":1}}"), 400, 10207,
				"JSON request body is invalid: settings.delivery_paused must be true or false");
	}

	@Test
	void settingsChangedOverHttpApplyToMessages() {
		String path = ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "");
		this.client.patch(path, "{\"settings\":{\"delivery_delay\":60}}");
		this.client.push(Bodies.text("later").toString());
		assertThat(ApiClient.result(this.client.pull("{}")).get("messages")).isEmpty();

		this.client.patch(path, "{\"settings\":{\"delivery_delay\":0,\"delivery_paused\":true}}");
		this.clock.advanceSeconds(60);
		assertThat(this.client.pull("{}").statusCode()).isEqualTo(409);

		this.client.patch(path, "{\"settings\":{\"delivery_paused\":false}}");
		assertThat(ApiClient.result(this.client.pull("{}")).get("messages")).hasSize(1);
	}

	@Test
	void deleteRemovesTheQueue() {
		String queueId = create("orders");

		assertSuccess(this.client.delete(ApiClient.adminPath(ACCOUNT, queueId, "")), "null");

		assertThat(this.client.get(ApiClient.adminPath(ACCOUNT, queueId, "")).statusCode()).isEqualTo(404);
		assertThat(this.emulator.queue(ACCOUNT, queueId)).isEmpty();
		assertThat(this.client.post(QUEUES, "{\"queue_name\":\"orders\"}").statusCode()).isEqualTo(200);
	}

	@Test
	void listIsPagedWithResultInfo() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			names.add("queue-" + i);
			create("queue-" + i);
		}

		List<String> listed = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			HttpResponse<String> response = this.client.get(QUEUES + "?page=" + page + "&per_page=20");
			JsonNode envelope = ApiClient.json(response);
			int count = (page < 3) ? 20 : 5;
			ApiClient.assertJson(envelope.get("result_info").toString(), "{\"page\":" + page
					+ ",\"per_page\":20,\"count\":" + count + ",\"total_count\":45,\"total_pages\":3}");
			assertThat(envelope.get("success").booleanValue()).isTrue();
			envelope.get("result").forEach((queue) -> listed.add(queue.get("queue_name").stringValue()));
		}

		assertThat(listed).containsExactlyElementsOf(names);
		JsonNode beyond = ApiClient.json(this.client.get(QUEUES + "?page=4&per_page=20"));
		assertThat(beyond.get("result")).isEmpty();
		assertThat(beyond.get("result_info").get("count").intValue()).isZero();
	}

	@Test
	void listDefaultsToTheFirstTwentyQueuesOfTheAccountOnly() {
		for (int i = 0; i < 25; i++) {
			create("queue-" + i);
		}

		JsonNode envelope = ApiClient.json(this.client.get(QUEUES));

		assertThat(envelope.get("result")).hasSize(20);
		ApiClient.assertJson(envelope.get("result_info").toString(),
				"{\"page\":1,\"per_page\":20,\"count\":20,\"total_count\":25,\"total_pages\":2}");
		JsonNode other = ApiClient.json(this.client.get(ApiClient.queuesPath(ApiClient.ACCOUNT)));
		assertThat(other.get("result")).extracting((queue) -> queue.get("queue_id").stringValue())
			.containsExactly(ApiClient.QUEUE);
	}

	@Test
	void emptyAccountListsNoQueues() {
		HttpResponse<String> response = this.client.get(ApiClient.queuesPath("nobody"));

		ApiClient.assertJson(response.body(), "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[],"
				+ "\"result_info\":{\"page\":1,\"per_page\":20,\"count\":0,\"total_count\":0,\"total_pages\":0}}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=0", "page=x", "per_page=0", "per_page=1001", "per_page=-5" })
	void invalidPageParametersAreRefusedWith400And10207(String query) {
		ApiClient.assertErrorCode(this.client.get(QUEUES + "?" + query), 400, 10207);
	}

	@Test
	void purgeNeedsConfirmationThenEmptiesTheQueue() {
		this.client.push(Bodies.text("a").toString());
		this.client.push(Bodies.text("b").toString());
		ApiClient.result(this.client.pull("{\"batch_size\":1}"));
		String purge = ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "purge");
		String refusal = "JSON request body is invalid: delete_messages_permanently must be true, to confirm that "
				+ "purging deletes every message of the queue permanently";

		assertError(this.client.post(purge, "{}"), 400, 10207, refusal);
		assertError(this.client.post(purge, "{\"delete_messages_permanently\":false}"), 400, 10207, refusal);
		assertError(this.client.post(purge, "{\"delete_messages_permanently\":\"true\"}"), 400, 10207, refusal);
		assertThat(this.queue.messages()).hasSize(2);

		JsonNode purged = ApiClient.result(this.client.post(purge, "{\"delete_messages_permanently\":true}"));

		assertThat(purged.get("queue_id").stringValue()).isEqualTo(ApiClient.QUEUE);
		assertThat(this.queue.messages()).isEmpty();
		assertSuccess(this.client.metrics(),
				"{\"backlog_count\":0,\"backlog_bytes\":0,\"oldest_message_timestamp_ms\":0}");
		assertThat(this.queue.received()).hasSize(2);
	}

	@Test
	void purgeStatusIsEmptyUntilTheFirstPurgeThenCompleted() {
		String purge = ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "purge");
		assertSuccess(this.client.get(purge), "{}");
		this.clock.advanceSeconds(7);

		this.client.post(purge, "{\"delete_messages_permanently\":true}");

		assertSuccess(this.client.get(purge),
				"{\"started_at\":\"" + MutableClock.START.plusSeconds(7) + "\",\"completed\":\"true\"}");
	}

	@Test
	void adminCallsCountAgainstTheAccountRateLimit() {
		this.emulator.stop();
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.clock(this.clock)
			.accountRateLimit(3, Duration.ofMinutes(1), Duration.ZERO)
			.queue(ApiClient.ACCOUNT, ApiClient.QUEUE)
			.start();
		this.client = new ApiClient(this.emulator);

		assertThat(this.client.get(ApiClient.queuesPath(ApiClient.ACCOUNT)).statusCode()).isEqualTo(200);
		assertThat(this.client.post(ApiClient.queuesPath(ApiClient.ACCOUNT), "{\"queue_name\":\"x\"}").statusCode())
			.isEqualTo(200);
		assertThat(this.client.get(ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "consumers")).statusCode())
			.isEqualTo(200);
		assertThat(this.client.pull("{}").statusCode()).isEqualTo(200);

		assertThat(this.client.get(ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "purge")).statusCode())
			.isEqualTo(429);
		assertThat(this.emulator.requests()).extracting(RecordedRequest::countedAgainstRateLimit)
			.containsExactly(true, true, true, false, false);
	}

	@Test
	void requestLogHasNoQueueIdForTheQueueList() {
		this.client.get(QUEUES);

		assertThat(this.emulator.requests()).singleElement().satisfies((request) -> {
			assertThat(request.accountId()).isEqualTo(ACCOUNT);
			assertThat(request.queueId()).isNull();
		});
	}

	private String create(String name) {
		return ApiClient.result(this.client.post(QUEUES, "{\"queue_name\":\"" + name + "\"}"))
			.get("queue_id")
			.stringValue();
	}

	static String queueJson(String queueId, String name, String modifiedOn, String consumers, String deliveryDelay,
			String paused, String retention) {
		return "{\"queue_id\":\"" + queueId + "\",\"queue_name\":\"" + name + "\",\"created_on\":\"" + CREATED
				+ "\",\"modified_on\":\"" + modifiedOn + "\",\"producers\":[],\"producers_total_count\":0,"
				+ "\"consumers\":" + consumers + ",\"consumers_total_count\":" + (consumers.equals("[]") ? 0 : 1)
				+ ",\"settings\":{\"delivery_delay\":" + deliveryDelay + ",\"delivery_paused\":" + paused
				+ ",\"message_retention_period\":" + retention + "}}";
	}

}
