package io.github.cfqueues.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class AckTests extends RunningEmulator {

	private static final String LEASE_NOT_FOUND = "lease not found: it is unknown, was already used to acknowledge "
			+ "or retry, or its message is no longer in the queue";

	@Test
	void ackRemovesTheMessages() {
		this.client.push(Bodies.text("a").toString());
		this.client.push(Bodies.text("b").toString());
		JsonNode messages = pull("{}");

		assertSuccess(this.client.ack("{\"acks\":[" + lease(messages.get(0)) + "," + lease(messages.get(1))
				+ "],\"retries\":[]}"), "{\"ackCount\":2,\"retryCount\":0,\"warnings\":{}}");
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.queue.backlogBytes()).isZero();
	}

	@Test
	void retryMakesTheMessageVisibleAgainAfterItsDelay() {
		this.client.push(Bodies.text("a").toString());
		JsonNode message = pull("{}").get(0);

		assertSuccess(this.client.ack("{\"retries\":[{\"lease_id\":\"" + message.get("lease_id").stringValue()
				+ "\",\"delay_seconds\":30}]}"), "{\"ackCount\":0,\"retryCount\":1,\"warnings\":{}}");

		assertThat(pull("{}")).isEmpty();
		this.clock.advanceSeconds(29);
		assertThat(pull("{}")).isEmpty();
		this.clock.advanceSeconds(1);
		JsonNode again = pull("{}");
		assertThat(again).hasSize(1);
		assertThat(again.get(0).get("attempts").intValue()).isEqualTo(2);
	}

	@Test
	void retryWithoutDelayIsVisibleAtOnce() {
		this.client.push(Bodies.text("a").toString());
		JsonNode message = pull("{\"visibility_timeout_ms\":60000}").get(0);

		this.client.ack("{\"retries\":[" + lease(message) + "]}");

		assertThat(pull("{}")).hasSize(1);
	}

	@Test
	void unknownLeaseIsNotCountedAndGetsAWarning() {
		this.client.push(Bodies.text("a").toString());
		JsonNode message = pull("{}").get(0);

		assertSuccess(this.client.ack("{\"acks\":[" + lease(message) + ",{\"lease_id\":\"nope\"}],"
				+ "\"retries\":[{\"lease_id\":\"gone\",\"delay_seconds\":1}]}"),
				"{\"ackCount\":1,\"retryCount\":0,\"warnings\":{\"nope\":\"" + LEASE_NOT_FOUND + "\",\"gone\":\""
						+ LEASE_NOT_FOUND + "\"}}");
	}

	@Test
	void ackAfterTheVisibilityTimeoutIsAcceptedWhileNobodyLeasedTheMessageAgain() {
		this.client.push(Bodies.text("a").toString());
		JsonNode message = pull("{\"visibility_timeout_ms\":1000}").get(0);
		this.clock.advanceSeconds(60);

		assertSuccess(this.client.ack("{\"acks\":[" + lease(message) + "]}"),
				"{\"ackCount\":1,\"retryCount\":0,\"warnings\":{}}");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void ackWithALeaseSupersededByAnotherPullStillRemovesTheMessage() {
		this.client.push(Bodies.text("a").toString());
		JsonNode first = pull("{\"visibility_timeout_ms\":1000}").get(0);
		this.clock.advanceSeconds(2);
		JsonNode second = pull("{}").get(0);

		assertSuccess(this.client.ack("{\"acks\":[" + lease(first) + "]}"),
				"{\"ackCount\":1,\"retryCount\":0,\"warnings\":{}}");
		assertThat(this.queue.messages()).isEmpty();
		assertSuccess(this.client.ack("{\"acks\":[" + lease(second) + "]}"),
				"{\"ackCount\":0,\"retryCount\":0,\"warnings\":{\"" + second.get("lease_id").stringValue()
						+ "\":\"" + LEASE_NOT_FOUND + "\"}}");
	}

	@Test
	void secondAckOfTheSameLeaseIsNotCounted() {
		this.client.push(Bodies.text("a").toString());
		JsonNode message = pull("{}").get(0);
		this.client.ack("{\"acks\":[" + lease(message) + "]}");

		assertThat(ApiClient.result(this.client.ack("{\"acks\":[" + lease(message) + "]}")).get("ackCount").intValue())
			.isZero();
	}

	@Test
	void emptyAckBodyAcknowledgesNothing() {
		assertSuccess(this.client.ack(""), "{\"ackCount\":0,\"retryCount\":0,\"warnings\":{}}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "86401", "-1", "2.5" })
	void invalidRetryDelayIsRejectedWith10203(String delay) {
		assertError(this.client.ack("{\"retries\":[{\"lease_id\":\"x\",\"delay_seconds\":" + delay + "}]}"), 400,
				10203, "retries: delay_seconds is invalid: expected a whole number of seconds from 0 to 86400");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"acks\":{}}", "{\"retries\":\"x\"}" })
	void ackListsThatAreNotArraysAreRejectedWith10207(String body) {
		assertThat(ApiClient.json(this.client.ack(body)).get("errors").get(0).get("code").intValue())
			.isEqualTo(10207);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"acks\":[{}]}", "{\"acks\":[\"lease\"]}", "{\"acks\":[{\"lease_id\":7}]}",
			"{\"acks\":[{\"lease_id\":\"\"}]}" })
	void ackItemWithoutLeaseIdIsRejectedWith10207(String body) {
		assertError(this.client.ack(body), 400, 10207,
				"JSON request body is invalid: each item of 'acks' needs a string 'lease_id'");
	}

	@Test
	void ackBodyThatIsNotJsonIsRejectedWith10208() {
		assertError(this.client.ack("{\"acks\":[}"), 400, 10208, "JSON request body is malformed");
	}

	private JsonNode pull(String body) {
		return ApiClient.result(this.client.pull(body)).get("messages");
	}

	private static String lease(JsonNode message) {
		return "{\"lease_id\":\"" + message.get("lease_id").stringValue() + "\"}";
	}

}
