package io.github.cfqueues.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class InspectionTests extends RunningEmulator {

	private static final String T0 = "2026-01-01T00:00:00Z";

	@Test
	void inspectionUrlListsEveryQueue() {
		assertThat(this.emulator.inspectionUrl())
			.isEqualTo(URI.create("http://127.0.0.1:" + this.emulator.port() + "/emulator/queues"));
	}

	@Test
	void listShowsEveryQueueWithItsMessagesAndWhatBecameOfTheOthers() {
		EmulatedQueue orders = this.emulator.createQueue("account2", "q9", "orders");
		orders.removeConsumer();
		orders.updateSettings(QueueSettings.defaults().withDeliveryPaused(true));
		this.client.push(Bodies.text("m0").toString());
		this.client.push(Bodies.text("m1").toString());
		this.client.push("{\"body\":{\"a\":[1,2]}}");
		JsonNode pulled = ApiClient.result(this.client.pull("{\"batch_size\":2}")).get("messages");
		this.client.ack("{\"acks\":[{\"lease_id\":\"" + leaseId(pulled.get(0)) + "\"}],\"retries\":[{\"lease_id\":\""
				+ leaseId(pulled.get(1)) + "\",\"delay_seconds\":10}]}");
		List<StoredMessage> held = this.queue.messages();

		HttpResponse<String> response = inspect("/emulator/queues");

		assertJsonAnswer(response, 200, "{\"now\":\"" + T0 + "\",\"queues\":[{\"account_id\":\"account1\","
				+ "\"queue_id\":\"queue1\",\"queue_name\":\"queue1\",\"delivery_paused\":false,"
				+ "\"http_pull_enabled\":true,\"backlog_count\":2,\"backlog_bytes\":213,\"older_messages_left_out\":0,"
				+ "\"messages\":[" + message(held.get(0).id(), "text", "\"m1\"", 1, "2026-01-01T00:00:10Z", null)
				+ "," + message(held.get(1).id(), "json", "\"{\\\"a\\\":[1,2]}\"", 0, T0, null) + "],"
				+ "\"received_count\":3,\"acknowledged_count\":1,\"retried_count\":1,\"dead_lettered_count\":0,"
				+ "\"dropped_count\":0},"
				+ "{\"account_id\":\"account2\",\"queue_id\":\"q9\",\"queue_name\":\"orders\",\"delivery_paused\":true,"
				+ "\"http_pull_enabled\":false,\"backlog_count\":0,\"backlog_bytes\":0,\"older_messages_left_out\":0,"
				+ "\"messages\":[],\"received_count\":0,\"acknowledged_count\":0,\"retried_count\":0,"
				+ "\"dead_lettered_count\":0,\"dropped_count\":0}]}");
	}

	@Test
	void oneQueueShowsWhetherEachMessageIsLeasedOnTheEmulatorsClock() {
		this.client.push(Bodies.text("hello").toString());
		this.clock.advanceSeconds(5);
		this.client.pull("{\"visibility_timeout_ms\":30000}");
		String id = this.queue.messages().get(0).id();

		assertJsonAnswer(inspect("/emulator/queues/account1/queue1"), 200,
				oneQueue("2026-01-01T00:00:05Z", message(id, "text", "\"hello\"", 1, T0, "2026-01-01T00:00:35Z")));
		this.clock.advanceSeconds(30);
		assertJsonAnswer(inspect("/emulator/queues/account1/queue1/"), 200,
				oneQueue("2026-01-01T00:00:35Z", message(id, "text", "\"hello\"", 1, T0, null)));
	}

	@Test
	void messagesThatRanOutOfRetriesAreCountedWithoutAnyApiCallFirst() {
		EmulatedQueue dead = this.emulator.createQueue(ApiClient.ACCOUNT, "dlq", "dead");
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0).withDeadLetterQueue("dead"));
		EmulatedQueue other = this.emulator.createQueue(ApiClient.ACCOUNT, "queue2");
		other.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0));
		this.client.push(Bodies.text("to the dlq").toString());
		this.client.post(ApiClient.queuePath(ApiClient.ACCOUNT, "queue2", "messages"), Bodies.text("lost").toString());
		this.client.pull("{\"visibility_timeout_ms\":1000}");
		this.client.post(ApiClient.queuePath(ApiClient.ACCOUNT, "queue2", "messages/pull"),
				"{\"visibility_timeout_ms\":1000}");
		this.clock.advanceSeconds(1);

		JsonNode queues = ApiClient.json(inspect("/emulator/queues")).get("queues");

		assertThat(queues).extracting((queue) -> queue.get("queue_id").stringValue(),
				(queue) -> queue.get("backlog_count").intValue(), (queue) -> queue.get("dead_lettered_count").intValue(),
				(queue) -> queue.get("dropped_count").intValue())
			.containsExactly(tuple("dlq", 1, 0, 0),
					tuple("queue1", 0, 1, 0),
					tuple("queue2", 0, 0, 1));
		assertThat(dead.messages()).extracting(StoredMessage::body).containsExactly("to the dlq");
	}

	@Test
	void eachQueueShowsItsNewestHundredMessagesAndCountsTheOthers() {
		this.client.batch(Bodies.batch(IntStream.range(0, 100).mapToObj((i) -> Bodies.text("m" + i)).toList()));
		this.client.batch(Bodies.batch(IntStream.range(100, 105).mapToObj((i) -> Bodies.text("m" + i)).toList()));

		JsonNode queue = ApiClient.json(inspect("/emulator/queues/account1/queue1")).get("queue");

		assertThat(queue.get("backlog_count").intValue()).isEqualTo(105);
		assertThat(queue.get("older_messages_left_out").intValue()).isEqualTo(5);
		assertThat(queue.get("messages")).hasSize(100);
		assertThat(queue.get("messages").get(0).get("body").stringValue()).isEqualTo("m5");
		assertThat(queue.get("messages").get(99).get("body").stringValue()).isEqualTo("m104");
	}

	@Test
	void unknownQueueAnswers404WithWhereToLook() {
		assertJsonAnswer(inspect("/emulator/queues/account1/nope"), 404,
				"{\"error\":\"no queue nope in account account1: GET /emulator/queues lists every queue\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/emulator", "/emulator/", "/emulator/queues/account1", "/emulator/queues/a/b/c",
			"/emulator/queues//queue1", "/emulator/requests" })
	void unknownInspectionPathAnswers404WithTheEndpoints(String path) {
		assertJsonAnswer(inspect(path), 404, "{\"error\":\"no inspection endpoint at " + path
				+ ": GET /emulator/queues lists every queue, GET /emulator/queues/{account_id}/{queue_id} shows one\"}");
	}

	@Test
	void otherMethodsAnswer405() {
		HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(this.emulator.inspectionUrl())
			.DELETE()
			.build());

		assertJsonAnswer(response, 405, "{\"error\":\"method DELETE is not allowed: the inspection endpoints are "
				+ "read-only; GET /emulator/queues lists every queue, GET /emulator/queues/{account_id}/{queue_id} "
				+ "shows one\"}");
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void requestAddressedToAnotherHostIsRefused() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection
				.send("GET /emulator/queues HTTP/1.1\r\nHost: attacker.example:" + this.emulator.port() + "\r\n\r\n")
				.read();

			assertThat(response.status()).isEqualTo(403);
			ApiClient.assertJson(response.body(), "{\"error\":\"the inspection endpoints answer only requests "
					+ "addressed to 127.0.0.1, localhost or [::1], not to attacker.example:" + this.emulator.port()
					+ "\"}");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "LOCALHOST:8787", "127.0.0.1", "[::1]:1" })
	void requestAddressedToALoopbackNameIsAnswered(String host) throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			assertThat(connection.send("GET /emulator/queues HTTP/1.1\r\nHost: " + host + "\r\n\r\n").read().status())
				.isEqualTo(200);
		}
	}

	@Test
	void inspectionIsNeitherRecordedNorCountedAgainstTheRateLimit() {
		try (CloudflareQueuesEmulator limited = CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.clock(this.clock)
			.accountRateLimit(2, Duration.ofMinutes(1), Duration.ofMinutes(1))
			.queue(ApiClient.ACCOUNT, ApiClient.QUEUE)
			.start()) {
			ApiClient client = new ApiClient(limited);
			client.metrics();
			for (int i = 0; i < 5; i++) {
				assertThat(ApiClient.send(HttpRequest.newBuilder(limited.inspectionUrl()).GET().build()).statusCode())
					.isEqualTo(200);
			}

			assertThat(client.metrics().statusCode()).isEqualTo(200);
			assertThat(limited.requests()).extracting(RecordedRequest::path)
				.containsOnly("/client/v4" + ApiClient.queuePath("metrics"));
			assertThat(limited.requests()).hasSize(2);
			assertThat(limited.rateLimitRejections()).isZero();
		}
	}

	private HttpResponse<String> inspect(String path) {
		return ApiClient
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.emulator.port() + path)).GET().build());
	}

	private static void assertJsonAnswer(HttpResponse<String> response, int status, String expected) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("cf-ray")).isEmpty();
		ApiClient.assertJson(response.body(), expected);
	}

	private static String oneQueue(String now, String message) {
		return "{\"now\":\"" + now + "\",\"queue\":{\"account_id\":\"account1\",\"queue_id\":\"queue1\","
				+ "\"queue_name\":\"queue1\",\"delivery_paused\":false,\"http_pull_enabled\":true,\"backlog_count\":1,"
				+ "\"backlog_bytes\":105,\"older_messages_left_out\":0,\"messages\":[" + message + "],"
				+ "\"received_count\":1,\"acknowledged_count\":0,\"retried_count\":0,\"dead_lettered_count\":0,"
				+ "\"dropped_count\":0}}";
	}

	private static String message(String id, String contentType, String bodyJson, int attempts, String visibleAt,
			String leaseExpiresAt) {
		return "{\"id\":\"" + id + "\",\"content_type\":\"" + contentType + "\",\"body\":" + bodyJson
				+ ",\"attempts\":" + attempts + ",\"enqueued_at\":\"" + T0 + "\",\"visible_at\":\"" + visibleAt
				+ "\",\"leased\":" + (leaseExpiresAt != null) + ",\"lease_expires_at\":"
				+ ((leaseExpiresAt != null) ? "\"" + leaseExpiresAt + "\"" : "null") + "}";
	}

	private static String leaseId(JsonNode message) {
		return message.get("lease_id").stringValue();
	}

}
