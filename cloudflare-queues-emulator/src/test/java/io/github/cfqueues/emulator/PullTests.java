package io.github.cfqueues.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class PullTests extends RunningEmulator {

	@Test
	void pullAnswersAnObjectWithTextPlainAndJsonBase64() {
		this.client.push(Bodies.text("hello").toString());
		this.clock.advanceMillis(1234);
		this.client.push("{\"body\":{\"a\": \"é\"}}");
		List<StoredMessage> stored = this.queue.messages();

		JsonNode result = ApiClient.result(this.client.pull("{\"batch_size\":10,\"visibility_timeout_ms\":1000}"));

		List<StoredMessage> leased = this.queue.messages();
		String base64Json = Base64.getEncoder().encodeToString("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));
		String expected = "{\"message_backlog_count\":2,\"messages\":[" + pulled(leased.get(0), "hello") + ","
				+ pulled(leased.get(1), base64Json)
				+ "],\"metadata\":{\"metrics\":{\"backlog_count\":2,\"backlog_bytes\":" + (105 + 110)
				+ ",\"oldest_message_timestamp_ms\":" + MutableClock.START.toEpochMilli() + "}}}";
		ApiClient.assertJson(result.toString(), expected);
		assertThat(leased).extracting(StoredMessage::id)
			.containsExactlyElementsOf(stored.stream().map(StoredMessage::id).toList());
		assertThat(leased).allSatisfy((message) -> {
			assertThat(message.attempts()).isEqualTo(1);
			assertThat(message.leaseId()).isNotBlank();
			assertThat(message.leaseExpiresAt()).isEqualTo(this.clock.instant().plusMillis(1000));
		});
		assertThat(leased.get(0).leaseId()).isNotEqualTo(leased.get(1).leaseId());
	}

	@Test
	void emptyQueueAnswersAtOnceWithNoMessages() {
		assertSuccess(this.client.pull("{}"), "{\"message_backlog_count\":0,\"messages\":[],\"metadata\":{\"metrics\":"
				+ "{\"backlog_count\":0,\"backlog_bytes\":0,\"oldest_message_timestamp_ms\":0}}}");
	}

	@Test
	void emptyBodyUsesDefaultsOfFiveMessagesAndThirtySeconds() {
		pushTexts(7);

		JsonNode result = ApiClient.result(this.client.pull(""));

		assertThat(result.get("messages")).hasSize(5);
		assertThat(this.queue.messages().get(0).leaseExpiresAt()).isEqualTo(this.clock.instant().plusSeconds(30));
	}

	@Test
	void batchSizeOf100IsAllowed() {
		this.client.batch(Bodies.batch(IntStream.range(0, 100).mapToObj((i) -> Bodies.text("m" + i)).toList()));
		this.client.push(Bodies.text("m100").toString());

		JsonNode result = ApiClient.result(this.client.pull("{\"batch_size\":100}"));

		assertThat(result.get("messages")).hasSize(100);
		assertThat(result.get("message_backlog_count").intValue()).isEqualTo(101);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "1.5", "-1", "\"5\"" })
	void invalidBatchSizeIsRejectedWith10207(String batchSize) {
		assertError(this.client.pull("{\"batch_size\":" + batchSize + "}"), 400, 10207,
				"JSON request body is invalid: batch_size must be a whole number from 1 to 100");
	}

	@Test
	void visibilityTimeoutOfTwelveHoursIsAllowed() {
		pushTexts(1);

		assertThat(this.client.pull("{\"visibility_timeout_ms\":43200000}").statusCode()).isEqualTo(200);
		assertThat(this.queue.messages().get(0).leaseExpiresAt()).isEqualTo(this.clock.instant().plusSeconds(43_200));
	}

	@ParameterizedTest
	@ValueSource(strings = { "43200001", "-1", "0.5" })
	void invalidVisibilityTimeoutIsRejectedWith10207(String timeout) {
		assertError(this.client.pull("{\"visibility_timeout_ms\":" + timeout + "}"), 400, 10207,
				"JSON request body is invalid: visibility_timeout_ms must be a whole number from 0 to 43200000");
	}

	@Test
	void pullBodyThatIsNotJsonIsRejectedWith10208() {
		assertError(this.client.pull("{batch_size: 1}"), 400, 10208, "JSON request body is malformed");
	}

	@Test
	void leasedMessagesStayInvisibleUntilTheVisibilityTimeoutEnds() {
		pushTexts(1);
		JsonNode first = ApiClient.result(this.client.pull("{\"visibility_timeout_ms\":10000}")).get("messages").get(0);

		assertThat(ApiClient.result(this.client.pull("{}")).get("messages")).isEmpty();
		this.clock.advanceMillis(9_999);
		assertThat(ApiClient.result(this.client.pull("{}")).get("messages")).isEmpty();
		this.clock.advanceMillis(1);
		JsonNode again = ApiClient.result(this.client.pull("{}")).get("messages").get(0);

		assertThat(again.get("id").stringValue()).isEqualTo(first.get("id").stringValue());
		assertThat(again.get("attempts").intValue()).isEqualTo(2);
		assertThat(again.get("lease_id").stringValue()).isNotEqualTo(first.get("lease_id").stringValue());
		assertThat(again.get("timestamp_ms").longValue()).isEqualTo(MutableClock.START.toEpochMilli());
	}

	@Test
	void zeroVisibilityTimeoutRedeliversAtOnce() {
		pushTexts(1);
		this.client.pull("{\"visibility_timeout_ms\":0}");

		JsonNode again = ApiClient.result(this.client.pull("{}")).get("messages");

		assertThat(again).hasSize(1);
		assertThat(again.get(0).get("attempts").intValue()).isEqualTo(2);
	}

	@Test
	void delayedMessageIsHeldBackUntilDue() {
		this.client.push(Bodies.text("later", 60).toString());
		this.client.push(Bodies.text("now").toString());

		JsonNode firstPull = ApiClient.result(this.client.pull("{\"visibility_timeout_ms\":3600000}"));
		assertThat(firstPull.get("messages")).extracting((message) -> message.get("body").stringValue())
			.containsExactly("now");
		assertThat(firstPull.get("message_backlog_count").intValue()).isEqualTo(2);

		this.clock.advanceSeconds(59);
		assertThat(ApiClient.result(this.client.pull("{}")).get("messages")).isEmpty();

		this.clock.advanceSeconds(1);
		assertThat(ApiClient.result(this.client.pull("{}")).get("messages"))
			.extracting((message) -> message.get("body").stringValue())
			.containsExactly("later");
	}

	@Test
	void pullDeliversInArrivalOrder() {
		pushTexts(4);

		JsonNode messages = ApiClient.result(this.client.pull("{\"batch_size\":3}")).get("messages");

		assertThat(messages).extracting((message) -> message.get("body").stringValue())
			.containsExactly("m0", "m1", "m2");
	}

	private void pushTexts(int count) {
		for (int i = 0; i < count; i++) {
			this.client.push(Bodies.text("m" + i).toString());
		}
	}

	private static String pulled(StoredMessage message, String body) {
		return "{\"id\":\"" + message.id() + "\",\"body\":\"" + body + "\",\"attempts\":1,\"timestamp_ms\":"
				+ message.enqueuedAt().toEpochMilli() + ",\"lease_id\":\"" + message.leaseId()
				+ "\",\"metadata\":{\"CF-Content-Type\":\"" + message.contentType() + "\"}}";
	}

}
