package io.github.cfqueues.client.internal.api;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.ApiError;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.MessageRejectedException;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.error.QueueRequestException;
import io.github.cfqueues.client.error.QueueServerException;
import io.github.cfqueues.client.error.QueueUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each Cloudflare-shaped failure becomes the exception that says what a caller can do, carrying the status, the
 * codes, the cf-ray and the queue, and never the token.
 */
class ErrorClassificationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static Stream<Arguments> answers() {
		return Stream.of(arguments(403, 10000, "Authentication error", QueueAuthenticationException.class, false),
				arguments(403, 10106, "Unauthorized", QueueAuthenticationException.class, false),
				arguments(401, 0, null, QueueAuthenticationException.class, false),
				arguments(404, 10104, "QueueNotFound", QueueNotFoundException.class, false),
				arguments(400, 10107, "QueueIDMalformed", QueueNotFoundException.class, false),
				arguments(404, 7003, "No route for the URI", QueueNotFoundException.class, false),
				arguments(400, 10204, "MessageSizeOutOfBounds", MessageRejectedException.class, false),
				arguments(400, 10205, "batch size of 291898 bytes exceeds limit of 256000 bytes",
						MessageRejectedException.class, false),
				arguments(413, 0, null, MessageRejectedException.class, false),
				arguments(429, 10250, "QueueOverloaded", QueueRateLimitedException.class, true),
				arguments(429, 971, "Please wait and consider throttling your request speed",
						QueueRateLimitedException.class, true),
				arguments(429, 10251, "QueueStorageLimitExceeded", QueueUnavailableException.class, false),
				arguments(429, 10252, "QueueDisabled", QueueUnavailableException.class, false),
				arguments(429, 10253, "FreeTierLimitExceeded", QueueUnavailableException.class, false),
				arguments(500, 15000, "UnknownInternalError", QueueServerException.class, true),
				arguments(400, 10201, "ClientDisconnected", QueueServerException.class, true),
				arguments(503, 0, null, QueueServerException.class, true),
				arguments(408, 0, null, QueueServerException.class, true),
				arguments(409, 0, null, QueueServerException.class, true),
				arguments(405, 0, null, QueueRequestException.class, false));
	}

	@ParameterizedTest(name = "HTTP {0} code {1} -> {3}")
	@MethodSource("answers")
	void failureIsClassifiedByCodeThenStatus(int status, int code, String text,
			Class<? extends CloudflareQueuesException> expected, boolean retryable) {
		String errors = (code != 0) ? "[{\"code\":" + code + ",\"message\":\"" + text + "\"}]" : "[]";
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("cf-ray", "7a1b2c3d4e5f6a7b-AMS")
			.withBody("{\"success\":false,\"errors\":" + errors + ",\"messages\":[],\"result\":null}")));

		StepVerifier.create(TestPublishers.at(server.baseUrl()).build().pushText("m"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(expected);
				CloudflareQueuesException failure = (CloudflareQueuesException) ex;
				assertThat(failure.isRetryable()).isEqualTo(retryable);
				assertThat(failure.getHttpStatus()).isEqualTo(status);
				assertThat(failure.getCfRay()).isEqualTo("7a1b2c3d4e5f6a7b-AMS");
				assertThat(failure.getQueueName()).isEqualTo("orders");
				assertThat(failure.getQueueId()).isEqualTo(TestPublishers.QUEUE);
				if (code != 0) {
					assertThat(failure.getErrors()).containsExactly(new ApiError(code, text));
					assertThat(failure.getMessage()).contains(String.valueOf(code), text);
				}
				assertThat(failure.getMessage()).contains("push to queue 'orders'", "HTTP " + status)
					.doesNotContain(TestPublishers.TOKEN);
			})
			.verify();
	}

	@Test
	void aSuccessTooLargeToReadReportsItsStatusAndThatTheMessageMayHaveBeenStored() {
		String tooLarge = "{\"success\":true,\"padding\":\"" + "x".repeat(CloudflareQueuesApi.MAX_RESPONSE_BYTES) + "\"}";
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("cf-ray", "7a1b2c3d4e5f6a7b-AMS")
			.withBody(tooLarge)));

		StepVerifier.create(TestPublishers.at(server.baseUrl()).build().pushText("m"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(QueueServerException.class);
				CloudflareQueuesException failure = (CloudflareQueuesException) ex;
				assertThat(failure.getHttpStatus()).isEqualTo(200);
				assertThat(failure.getCfRay()).isEqualTo("7a1b2c3d4e5f6a7b-AMS");
				assertThat(failure).hasMessageStartingWith("Cloudflare answered HTTP 200 but its answer could not be read")
					.hasMessageContaining("a pushed message may have been stored")
					.hasMessageNotContaining("before an answer arrived");
			})
			.verify();
	}

	@Test
	void aSuccessThatIsNotTheApisJsonSaysTheMessageMayHaveBeenStored() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html>proxy says ok</html>")));

		StepVerifier.create(TestPublishers.at(server.baseUrl()).build().pushText("m"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(QueueServerException.class)
				.hasMessageStartingWith("Cloudflare answered HTTP 200 (answer was not the API's JSON: text/html "
						+ "'<html>proxy says ok</html>'): the request may have taken effect"))
			.verify();
	}

}
