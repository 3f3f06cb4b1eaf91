package io.github.cfqueues.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingAndIdentifierTests {

	private static final String PUSH = "{\"body\":\"x\",\"content_type\":\"text\"}";

	private CloudflareQueuesEmulator emulator;

	private ApiClient client;

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/accounts", "/accounts/account1", "/accounts/account1/queues/queue1/",
			"/accounts/account1/queues/queue1/messages/peek", "/accounts/account1/queues/queue1/messages/",
			"/accounts/account1/queues/queue1/consumers/", "/accounts/account1/queues/queue1/consumers/c/x",
			"/accounts/account1/topics/queue1/messages", "/zones" })
	void unknownPathIsAnswered404With7003(String path) {
		start(false);

		assertError(this.client.post(path, PUSH), 404, 7003, "No route for the URI");
	}

	@Test
	void pathOutsideTheApiBaseIsAnswered404With7003() {
		start(false);

		HttpResponse<String> response = ApiClient.send(HttpRequest
			.newBuilder(this.emulator.baseUrl().resolve("/other/accounts/account1/queues/queue1/messages"))
			.GET()
			.build());

		assertError(response, 404, 7003, "No route for the URI");
	}

	@Test
	void unknownPathIsAnsweredBeforeAuthentication() {
		start(false);

		HttpResponse<String> response = ApiClient
			.send(this.client.unauthenticatedRequest("/nowhere").POST(HttpRequest.BodyPublishers.noBody()).build());

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void wrongMethodIsAnswered405With7003AndAllow() {
		start(false);

		HttpResponse<String> getMessages = this.client.get(ApiClient.queuePath("messages"));
		HttpResponse<String> postMetrics = this.client.post(ApiClient.queuePath("metrics"), "{}");

		assertError(getMessages, 405, 7003, "Method not allowed for the URI");
		assertThat(getMessages.headers().firstValue("Allow")).hasValue("POST");
		assertError(postMetrics, 405, 7003, "Method not allowed for the URI");
		assertThat(postMetrics.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void allowListsEveryMethodOfThePath() {
		start(false);

		HttpResponse<String> postQueue = this.client.post("/accounts/account1/queues/queue1", PUSH);
		HttpResponse<String> deleteQueues = this.client.delete("/accounts/account1/queues");

		assertError(postQueue, 405, 7003, "Method not allowed for the URI");
		assertThat(postQueue.headers().firstValue("Allow")).hasValue("GET, PUT, PATCH, DELETE");
		assertThat(deleteQueues.headers().firstValue("Allow")).hasValue("GET, POST");
	}

	@ParameterizedTest
	@ValueSource(strings = { "account-1", "account_1", "a%20b", "123456789012345678901234567890123", "%C3%A9" })
	void malformedAccountIdIsRejectedWith10107(String accountId) {
		start(false);

		assertError(this.client.post(ApiClient.queuePath(accountId, ApiClient.QUEUE, "messages"), PUSH), 400, 10107,
				"account_id '" + accountId + "' is malformed: expected 1 to 32 letters or digits");
	}

	@Test
	void emptyAccountIdIsRejectedWith10107() {
		start(false);

		assertError(this.client.post(ApiClient.queuePath("", ApiClient.QUEUE, "messages"), PUSH), 400, 10107,
				"account_id '' is malformed: expected 1 to 32 letters or digits");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "queue.1", "123456789012345678901234567890123" })
	void malformedQueueIdIsRejectedWith10107(String queueId) {
		start(false);

		assertError(this.client.get(ApiClient.queuePath(ApiClient.ACCOUNT, queueId, "metrics")), 400, 10107,
				"queue_id '" + queueId + "' is malformed: expected 1 to 32 letters or digits");
	}

	@Test
	void idsOf32LettersAndDigitsAreAccepted() {
		start(false);
		String account = "0123456789abcdefABCDEF0123456789";
		String queue = "ffffffffffffffffffffffffffffffff";
		this.emulator.createQueue(account, queue);

		assertThat(this.client.post(ApiClient.queuePath(account, queue, "messages"), PUSH).statusCode())
			.isEqualTo(200);
	}

	@Test
	void unknownQueueIsAnswered404With10104() {
		start(false);

		assertError(this.client.post(ApiClient.queuePath(ApiClient.ACCOUNT, "missing", "messages"), PUSH), 404,
				10104, "queue missing not found in account account1");
		assertThat(this.emulator.queue(ApiClient.ACCOUNT, "missing")).isEmpty();
	}

	@Test
	void queueOfAnotherAccountIsUnknown() {
		start(false);

		assertThat(this.client.post(ApiClient.queuePath("account2", ApiClient.QUEUE, "messages"), PUSH).statusCode())
			.isEqualTo(404);
	}

	@Test
	void autoCreateQueuesCreatesAnUnknownQueueOnFirstUse() {
		start(true);

		HttpResponse<String> response = this.client.post(ApiClient.queuePath("account9", "fresh", "messages"), PUSH);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.emulator.queue("account9", "fresh")).hasValueSatisfying(
				(queue) -> assertThat(queue.messages()).hasSize(1));
	}

	@Test
	void autoCreateQueuesStillRejectsMalformedIds() {
		start(true);

		assertThat(this.client.post(ApiClient.queuePath("bad-id", "fresh", "messages"), PUSH).statusCode())
			.isEqualTo(400);
		assertThat(this.emulator.queues()).extracting(EmulatedQueue::queueId).containsExactly(ApiClient.QUEUE);
	}

	@Test
	void queryStringIsIgnored() {
		start(false);

		assertThat(this.client.post(ApiClient.queuePath("messages") + "?x=1", PUSH).statusCode()).isEqualTo(200);
	}

	private void start(boolean autoCreateQueues) {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.autoCreateQueues(autoCreateQueues)
			.queue(ApiClient.ACCOUNT, ApiClient.QUEUE)
			.start();
		this.client = new ApiClient(this.emulator);
	}

}
