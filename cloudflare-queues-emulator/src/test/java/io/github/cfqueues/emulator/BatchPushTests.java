package io.github.cfqueues.emulator;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class BatchPushTests extends RunningEmulator {

	@Test
	void batchOf100MessagesIsStoredInOrderAndAnswersMetrics() {
		List<ObjectNode> messages = IntStream.range(0, 100).mapToObj((i) -> Bodies.text("m" + i)).toList();

		HttpResponse<String> response = this.client.batch(Bodies.batch(messages));

		long bytes = IntStream.range(0, 100).mapToLong((i) -> ("m" + i).length() + 100).sum();
		assertSuccess(response, "{\"metadata\":{\"metrics\":{\"backlog_count\":100,\"backlog_bytes\":" + bytes
				+ ",\"oldest_message_timestamp_ms\":" + MutableClock.START.toEpochMilli() + "}}}");
		assertThat(this.queue.messages()).extracting(StoredMessage::body)
			.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> "m" + i).toList());
	}

	@Test
	void batchOf101MessagesIsRejectedWith10206() {
		List<ObjectNode> messages = IntStream.range(0, 101).mapToObj((i) -> Bodies.text("m" + i)).toList();

		assertError(this.client.batch(Bodies.batch(messages)), 400, 10206,
				"batch of 101 messages is out of bounds: expected 1 to 100 messages");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void emptyBatchIsRejectedWith10206() {
		assertError(this.client.batch("{\"messages\":[]}"), 400, 10206,
				"batch of 0 messages is out of bounds: expected 1 to 100 messages");
	}

	@Test
	void batchOfExactly256000BytesIsAccepted() {
		List<ObjectNode> messages = List.of(Bodies.textOfSize(100_000), Bodies.textOfSize(100_000),
				Bodies.textOfSize(56_000));

		HttpResponse<String> response = this.client.batch(Bodies.batch(messages));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.queue.backlogBytes()).isEqualTo(256_000);
	}

	@Test
	void batchOf256001BytesIsRejectedWith10205AndStoresNothing() {
		List<ObjectNode> messages = List.of(Bodies.textOfSize(100_000), Bodies.textOfSize(100_000),
				Bodies.textOfSize(56_001));

		assertError(this.client.batch(Bodies.batch(messages)), 400, 10205,
				"batch size of 256001 bytes exceeds limit of 256000 bytes");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void batchSizeCountsMultiByteCharactersInUtf8Bytes() {
		ObjectNode euros = Bodies.text("€".repeat(33_300));
		List<ObjectNode> messages = List.of(euros, euros, Bodies.textOfSize(56_001));

		assertError(this.client.batch(Bodies.batch(messages)), 400, 10205,
				"batch size of 256001 bytes exceeds limit of 256000 bytes");
	}

	@Test
	void messageOver128000BytesInBatchIsRejectedWith10204NamingIt() {
		List<ObjectNode> messages = List.of(Bodies.text("small"), Bodies.textOfSize(128_001));

		assertError(this.client.batch(Bodies.batch(messages)), 400, 10204,
				"messages[1]: message size of 128001 bytes exceeds limit of 128000 bytes");
	}

	@Test
	void messageDelayOverridesBatchDelay() {
		String batch = "{\"delay_seconds\":60,\"messages\":[{\"body\":\"inherits\",\"content_type\":\"text\"},"
				+ "{\"body\":\"none\",\"content_type\":\"text\",\"delay_seconds\":0},"
				+ "{\"body\":\"longer\",\"content_type\":\"text\",\"delay_seconds\":120}]}";

		assertThat(this.client.batch(batch).statusCode()).isEqualTo(200);

		assertThat(this.queue.messages()).extracting(StoredMessage::visibleAt)
			.containsExactly(MutableClock.START.plusSeconds(60), MutableClock.START,
					MutableClock.START.plusSeconds(120));
	}

	@Test
	void batchDelayOf86400SecondsIsAccepted() {
		String batch = "{\"delay_seconds\":86400,\"messages\":[{\"body\":1}]}";

		assertThat(this.client.batch(batch).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "86401", "-1", "1.5", "\"5\"" })
	void invalidBatchDelayIsRejectedWith10202(String delay) {
		String batch = "{\"delay_seconds\":" + delay + ",\"messages\":[{\"body\":1}]}";

		assertError(this.client.batch(batch), 400, 10202,
				"batch delay_seconds is invalid: expected a whole number of seconds from 0 to 86400");
	}

	@Test
	void invalidMessageDelayInBatchIsRejectedWith10203() {
		String batch = "{\"delay_seconds\":5,\"messages\":[{\"body\":1},{\"body\":2,\"delay_seconds\":86401}]}";

		assertError(this.client.batch(batch), 400, 10203,
				"messages[1]: delay_seconds is invalid: expected a whole number of seconds from 0 to 86400");
	}

	@Test
	void batchIsAllOrNothing() {
		List<ObjectNode> messages = new ArrayList<>();
		messages.add(Bodies.text("valid"));
		messages.add(Bodies.text("invalid").put("content_type", "bytes"));

		assertError(this.client.batch(Bodies.batch(messages)), 400, 10203,
				"messages[1]: content_type 'bytes' is not supported: expected 'text' or 'json'");
		assertThat(this.queue.messages()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"messages\":{\"body\":1}}", "{\"messages\":\"x\"}", "{\"messages\":null}" })
	void batchWithoutMessagesArrayIsRejectedWith10207(String batch) {
		assertError(this.client.batch(batch), 400, 10207, "JSON request body is invalid: 'messages' must be an array");
	}

	@Test
	void batchItemThatIsNotAnObjectIsRejectedWith10207() {
		assertError(this.client.batch("{\"messages\":[{\"body\":1},\"hello\"]}"), 400, 10207,
				"JSON request body is invalid: messages[1]: expected a JSON object");
	}

	@Test
	void textMessageWithNonStringBodyInBatchIsRejectedWith10207() {
		assertError(this.client.batch("{\"messages\":[{\"body\":{},\"content_type\":\"text\"}]}"), 400, 10207,
				"JSON request body is invalid: messages[0]: a text message needs a string 'body'");
	}

	@Test
	void batchThatIsNotJsonIsRejectedWith10208() {
		assertError(this.client.batch("{\"messages\":["), 400, 10208, "JSON request body is malformed");
	}

	@Test
	void batchMixesTextAndJsonMessages() {
		this.client.batch("{\"messages\":[{\"body\":\"plain\",\"content_type\":\"text\"},{\"body\":[1, 2]}]}");

		assertThat(this.queue.messages()).extracting(StoredMessage::contentType, StoredMessage::body)
			.containsExactly(tuple("text", "plain"), tuple("json", "[1,2]"));
	}

}
