package io.github.cfqueues.client.internal.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMetrics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader of push answers reads Cloudflare's plain answers exactly as the envelope's general reading
 * does, and leaves every other answer to it.
 */
class PushAnswerReaderTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void cloudflaresAnswersAreReadInOnePassAsTheEnvelopeReadsThem() {
		List<String> answers = List.of("""
				{"success":true,"errors":[],"messages":[],"result":{"metadata":{"metrics":{"backlog_count":12,
				"backlog_bytes":3400,"oldest_message_timestamp_ms":1767225600000}}}}""",
				"{\"success\":true,\"errors\":[],\"messages\":[]}",
				"{\"success\":true,\"result\":null}",
				"{\"result\":{}}",
				"{\"success\":true,\"result\":[1,2]}",
				"{\"success\":true,\"result\":\"queued\"}",
				"{\"success\":true,\"result\":{\"metadata\":{\"region\":\"weur\",\"metrics\":[]}}}",
				"{\"success\":null,\"result\":{\"metadata\":\"x\"}}",
				"{\"success\":\"yes\",\"messages\":[\"Queued\",{\"a\":[{}]}],\"result\":{\"message_id\":\"m\"}}",
				"""
				{"success":true,"errors":[],"messages":["Queued"],"new_top_level":{"x":1},
				 "result":{"message_id":"ignored","metadata":{"region":"weur",
				   "metrics":{"backlog_count":7,"oldest_message_timestamp_ms":0,"future":{"deep":[true]}}}}}""",
				"{\"success\":true,\"result\":{\"metadata\":{\"metrics\":{\"backlog_count\":null,"
						+ "\"backlog_bytes\":-1,\"oldest_message_timestamp_ms\":-5}}}}");

		for (String answer : answers) {
			MessagePushResponse fast = PushAnswerReader.read(bytes(answer));
			assertThat(fast).as(answer).isNotNull().isEqualTo(general(answer));
		}
		assertThat(PushAnswerReader.read(bytes(answers.get(0))).metrics())
			.isEqualTo(new QueueMetrics(12L, 3400L, Instant.parse("2026-01-01T00:00:00Z")));
	}

	@Test
	void answersOutOfTheOrdinaryAreLeftToTheGeneralReading() {
		List<String> answers = List.of("{\"success\":false,\"errors\":[{\"code\":10104,\"message\":\"no\"}]}",
				"[]", "\"ok\"", "42", "<html>502</html>", "{\"success\":true", "{\"success\":true} {}",
				"{\"success\":true,\"success\":false}", "{\"result\":{},\"result\":{\"metadata\":{}}}",
				"{\"result\":{\"metadata\":{\"metrics\":{\"backlog_count\":\"7\"}}}}",
				"{\"result\":{\"metadata\":{\"metrics\":{\"backlog_count\":7.5}}}}",
				"{\"result\":{\"metadata\":{\"metrics\":{\"backlog_count\":123456789012345678901234567890}}}}",
				"{\"result\":{\"metadata\":{\"metrics\":{\"backlog_count\":1,\"backlog_count\":2}}}}",
				"{\"result\":{\"metadata\":{\"metrics\":{}},\"metadata\":{}}}",
				"{\"result\":{\"metadata\":{\"metrics\":{},\"metrics\":{}}}}");

		for (String answer : answers) {
			assertThat(PushAnswerReader.read(bytes(answer))).as(answer).isNull();
		}
	}

	private static MessagePushResponse general(String answer) {
		ApiEnvelope envelope = ApiEnvelope.read(MAPPER, bytes(answer));
		assertThat(envelope).as(answer).isNotNull();
		assertThat(envelope.success()).as(answer).isNotEqualTo(Boolean.FALSE);
		return ResultReader.pushResponse(envelope.result());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
