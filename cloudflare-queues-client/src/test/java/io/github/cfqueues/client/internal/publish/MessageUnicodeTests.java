package io.github.cfqueues.client.internal.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.InvalidMessageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies travel as UTF-8: emoji, multi-byte and control characters go out exactly, and are measured as Cloudflare
 * stores them; text that has no UTF-8 form (an unpaired surrogate) fails alone, before any request, naming its
 * message.
 */
class MessageUnicodeTests {

	private static final String OK = "{\"success\":true,\"errors\":[],\"messages\":[]}";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@BeforeEach
	void stubAccepts() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(okJson(OK)));
		server.stubFor(post(urlEqualTo(TestPublishers.BATCH_PATH)).willReturn(okJson(OK)));
	}

	private QueuePublisher publisher() {
		return TestPublishers.at(server.baseUrl()).build();
	}

	private static String sentBody() {
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = server
			.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return new String(requests.get(0).getBody(), StandardCharsets.UTF_8);
	}

	@Test
	void textWithEmojiMultiByteAndControlCharactersGoesOutExactlyAsUtf8() {
		StepVerifier.create(publisher().pushText("a😀é\u0001\n\"\\")).expectNextCount(1).verifyComplete();

		assertThat(sentBody())
			.isEqualTo("{\"body\":\"a😀é\\u0001\\n\\\"\\\\\",\"content_type\":\"text\"}");
	}

	@Test
	void jsonWithEmojiGoesOutAsUtf8AndWithADelay() {
		StepVerifier.create(publisher().push(QueueMessage.json(Map.of("k", "😀é")).withDelay(java.time.Duration.ofSeconds(7))))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(sentBody()).isEqualTo("{\"body\":{\"k\":\"😀é\"},\"content_type\":\"json\",\"delay_seconds\":7}");
	}

	@Test
	void textIsMeasuredAsStoredNotAsEscapedSoAQuoteHeavyMessageAtTheLimitIsSent() {
		String body = "\"".repeat(127_900);

		StepVerifier.create(publisher().pushText(body)).expectNextCount(1).verifyComplete();

		assertThat(sentBody()).hasSize(127_900 * 2 + "{\"body\":\"\",\"content_type\":\"text\"}".length());
	}

	@Test
	void textWithAnUnpairedSurrogateFailsBeforeAnyRequest() {
		StepVerifier.create(publisher().pushText("ab\uD83D"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(InvalidMessageException.class)
				.hasMessageContaining("Message 0 holds an unpaired UTF-16 surrogate (U+D83D) at character 2"))
			.verify();
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aSerializedObjectHoldingAnUnpairedSurrogateFailsBeforeAnyRequest() {
		StepVerifier.create(publisher().pushJson(Map.of("k", "a\uD800")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(InvalidMessageException.class)
				.hasMessageContaining("Message 0 was serialized (")
				.hasMessageContaining("not valid Unicode at byte 7: an unpaired UTF-16 surrogate"))
			.verify();
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aLowSurrogateAloneAndAHighSurrogateBeforeAnotherEscapeAreFoundToo() {
		StepVerifier.create(publisher().pushJson(List.of("\uDC00x", "\uD800\n")))
			.expectError(InvalidMessageException.class)
			.verify();
		StepVerifier.create(publisher().pushJson(List.of("\uD800\n")))
			.expectError(InvalidMessageException.class)
			.verify();
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void anEscapedBackslashBeforeTheLettersOfAnEscapeIsNotMistakenForOne() {
		StepVerifier.create(publisher().pushJson(Map.of("k", "\\uD800"))).expectNextCount(1).verifyComplete();

		assertThat(sentBody()).isEqualTo("{\"body\":{\"k\":\"\\\\uD800\"},\"content_type\":\"json\"}");
	}

	@Test
	void preSerializedJsonHoldingAnUnpairedSurrogateFailsBeforeAnyRequest() {
		StepVerifier.create(publisher().push(QueueMessage.jsonText("\"a\uD800\"")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(InvalidMessageException.class)
				.hasMessageContaining("at character 2 of its JSON text"))
			.verify();
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aSerializerThatWritesBytesThatAreNotUtf8IsCaughtBeforeAnyRequest() {
		QueuePublisher publisher = TestPublishers.at(server.baseUrl())
			.serializer((payload) -> "\"caf\u00e9\"".getBytes(StandardCharsets.ISO_8859_1))
			.build();

		StepVerifier.create(publisher.pushJson("ignored"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(InvalidMessageException.class)
				.hasMessageContaining("not valid Unicode at byte 4"))
			.verify();
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aBatchWithOneUnpairedSurrogateFailsNamingItsIndexAndSendsNothing() {
		List<QueueMessage> messages = List.of(QueueMessage.text("fine"), QueueMessage.json(Map.of("k", "x\uDBFF")),
				QueueMessage.text("fine too"));

		StepVerifier.create(publisher().pushBatch(messages))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(InvalidMessageException.class,
					(invalid) -> assertThat(invalid.getIndex()).isEqualTo(1)))
			.verify();
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

}
