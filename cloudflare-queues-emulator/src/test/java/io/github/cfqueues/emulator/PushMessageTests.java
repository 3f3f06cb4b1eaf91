package io.github.cfqueues.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertErrorCode;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class PushMessageTests extends RunningEmulator {

	@Test
	void pushOfTextMessageStoresItAndAnswersMetricsAfterThePush() {
		HttpResponse<String> response = this.client.push("{\"body\":\"hello\",\"content_type\":\"text\"}");

		assertSuccess(response, "{\"metadata\":{\"metrics\":{\"backlog_count\":1,\"backlog_bytes\":105,"
				+ "\"oldest_message_timestamp_ms\":" + MutableClock.START.toEpochMilli() + "}}}");
		assertThat(this.queue.messages()).singleElement().satisfies((message) -> {
			assertThat(message.id()).matches("[0-9a-f]{32}");
			assertThat(message.contentType()).isEqualTo("text");
			assertThat(message.body()).isEqualTo("hello");
			assertThat(message.enqueuedAt()).isEqualTo(MutableClock.START);
			assertThat(message.visibleAt()).isEqualTo(MutableClock.START);
			assertThat(message.attempts()).isZero();
			assertThat(message.sizeBytes()).isEqualTo(105);
		});
	}

	@Test
	void pushOfJsonMessageStoresCompactJsonOfTheBodyValue() {
		this.client.push(
				"{\"body\": {\"order\": 7, \"items\": [ \"a\", true, null, 1.50 ]}, \"content_type\": \"json\"}");

		StoredMessage message = this.queue.messages().get(0);
		assertThat(message.isJson()).isTrue();
		assertThat(message.bodyAsText()).isEqualTo("{\"order\":7,\"items\":[\"a\",true,null,1.50]}");
	}

	@Test
	void pushWithoutContentTypeStoresJson() {
		HttpResponse<String> response = this.client.push("{\"body\":\"hello\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		StoredMessage message = this.queue.messages().get(0);
		assertThat(message.contentType()).isEqualTo("json");
		assertThat(message.body()).isEqualTo("\"hello\"");
		assertThat(message.sizeBytes()).isEqualTo(107);
	}

	@Test
	void messageOfExactly128000BytesIsAccepted() {
		HttpResponse<String> response = this.client.push(Bodies.textOfSize(128_000).toString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.queue.messages().get(0).sizeBytes()).isEqualTo(128_000);
	}

	@Test
	void messageOf128001BytesIsRejectedWith10204() {
		HttpResponse<String> response = this.client.push(Bodies.textOfSize(128_001).toString());

		assertError(response, 400, 10204, "message size of 128001 bytes exceeds limit of 128000 bytes");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void jsonMessageSizeCountsTheSerializedBodyIncludingQuotes() {
		String exactly = "{\"body\":\"" + "a".repeat(127_898) + "\"}";
		String oneOver = "{\"body\":\"" + "a".repeat(127_899) + "\"}";

		assertThat(this.client.push(exactly).statusCode()).isEqualTo(200);
		assertError(this.client.push(oneOver), 400, 10204,
				"message size of 128001 bytes exceeds limit of 128000 bytes");
	}

	@Test
	void multiByteCharactersAreCountedInUtf8Bytes() {
		String twoByteChars = "é".repeat(63_950);
		String fourByteChars = "😀".repeat(31_975);

		assertThat(this.client.push(Bodies.text(twoByteChars).toString()).statusCode()).isEqualTo(200);
		assertThat(this.client.push(Bodies.text(fourByteChars).toString()).statusCode()).isEqualTo(200);
		assertError(this.client.push(Bodies.text(twoByteChars + "a").toString()), 400, 10204,
				"message size of 128001 bytes exceeds limit of 128000 bytes");
		assertError(this.client.push(Bodies.text("€".repeat(42_634)).toString()), 400, 10204,
				"message size of 128002 bytes exceeds limit of 128000 bytes");
		assertThat(this.queue.messages()).extracting(StoredMessage::sizeBytes).containsExactly(128_000L, 128_000L);
	}

	@Test
	void jsonBodyWithEscapedUnicodeIsCountedAsItsUtf8Serialization() {
		this.client.push("{\"body\":\"\\u00e9\"}");

		assertThat(this.queue.messages().get(0).body()).isEqualTo("\"é\"");
		assertThat(this.queue.messages().get(0).sizeBytes()).isEqualTo(104);
	}

	@Test
	void delayOfZeroAndOf86400SecondsAreAccepted() {
		assertThat(this.client.push(Bodies.text("now", 0).toString()).statusCode()).isEqualTo(200);
		assertThat(this.client.push(Bodies.text("tomorrow", 86_400).toString()).statusCode()).isEqualTo(200);

		List<StoredMessage> messages = this.queue.messages();
		assertThat(messages.get(0).visibleAt()).isEqualTo(MutableClock.START);
		assertThat(messages.get(1).visibleAt()).isEqualTo(MutableClock.START.plus(Duration.ofDays(1)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "86401", "-1", "1.5", "\"10\"", "true", "1e10" })
	void invalidDelayIsRejectedWith10203(String delay) {
		HttpResponse<String> response = this.client
			.push("{\"body\":\"x\",\"content_type\":\"text\",\"delay_seconds\":" + delay + "}");

		assertError(response, 400, 10203,
				"delay_seconds is invalid: expected a whole number of seconds from 0 to 86400");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void delayWrittenWithAZeroFractionIsAWholeNumber() {
		assertThat(this.client.push("{\"body\":1,\"delay_seconds\":5.0}").statusCode()).isEqualTo(200);

		assertThat(this.queue.messages().get(0).visibleAt()).isEqualTo(MutableClock.START.plusSeconds(5));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes", "v8", "TEXT", "" })
	void unsupportedContentTypeIsRejectedWith10203(String contentType) {
		HttpResponse<String> response = this.client
			.push("{\"body\":\"x\",\"content_type\":\"" + contentType + "\"}");

		assertError(response, 400, 10203,
				"content_type '" + contentType + "' is not supported: expected 'text' or 'json'");
	}

	@Test
	void nullOptionalFieldsCountAsAbsent() {
		HttpResponse<String> response = this.client
			.push("{\"body\":{\"a\":1},\"content_type\":null,\"delay_seconds\":null}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.queue.messages().get(0).contentType()).isEqualTo("json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":1}", "42", "[\"x\"]", "true" })
	void textMessageWithNonStringBodyIsRejectedWith10207(String body) {
		HttpResponse<String> response = this.client.push("{\"body\":" + body + ",\"content_type\":\"text\"}");

		assertError(response, 400, 10207, "JSON request body is invalid: a text message needs a string 'body'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"content_type\":\"text\"}", "{\"body\":null}" })
	void messageWithoutBodyIsRejectedWith10207(String request) {
		assertError(this.client.push(request), 400, 10207, "JSON request body is invalid: 'body' is required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,2]", "\"body\"", "7", "null" })
	void requestThatIsJsonButNotAnObjectIsRejectedWith10207(String request) {
		assertError(this.client.push(request), 400, 10207, "JSON request body is invalid: expected a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"body\":", "not json", "", "{\"body\":1}}", "{'body':1}" })
	void requestThatIsNotJsonIsRejectedWith10208(String request) {
		assertError(this.client.push(request), 400, 10208, "JSON request body is malformed");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void messagesAreKeptInArrivalOrder() {
		for (int i = 0; i < 5; i++) {
			this.client.push(Bodies.text("m" + i).toString());
		}

		assertThat(this.queue.messages()).extracting(StoredMessage::body)
			.containsExactly("m0", "m1", "m2", "m3", "m4");
	}

	@Test
	void invalidMessageIsCheckedAfterTheQueueExists() {
		HttpResponse<String> response = this.client.post(ApiClient.queuePath(ApiClient.ACCOUNT, "missing", "messages"),
				"not json");

		assertErrorCode(response, 404, 10104);
	}

}
