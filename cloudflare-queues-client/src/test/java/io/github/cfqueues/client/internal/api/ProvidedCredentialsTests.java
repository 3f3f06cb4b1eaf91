package io.github.cfqueues.client.internal.api;

import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.QueueTransportException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials read from a provider are read again for every request, so that a token rotated while the application
 * runs is sent from the next request on, with no new publisher.
 */
class ProvidedCredentialsTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@BeforeEach
	void stubAccepts() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(okJson("{\"success\":true}")));
	}

	@Test
	void aRotatedTokenIsSentFromTheNextRequestOn() {
		AtomicReference<CloudflareCredentials> current = new AtomicReference<>(
				CloudflareCredentials.apiToken("token-before-rotation"));
		QueuePublisher publisher = TestPublishers.at(server.baseUrl())
			.credentials(CloudflareCredentials.provided(current::get))
			.build();

		StepVerifier.create(publisher.pushText("one")).expectNextCount(1).verifyComplete();
		current.set(CloudflareCredentials.globalApiKey("ops@example.com", "key-after-rotation"));
		StepVerifier.create(publisher.pushText("two")).expectNextCount(1).verifyComplete();

		server.verify(1, postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH))
			.withHeader("Authorization", equalTo("Bearer token-before-rotation")));
		server.verify(1, postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH))
			.withHeader("X-Auth-Email", equalTo("ops@example.com"))
			.withHeader("X-Auth-Key", equalTo("key-after-rotation"))
			.withoutHeader("Authorization"));
	}

	@Test
	void providedCredentialsNeverShowTheSecret() {
		CloudflareCredentials provided = CloudflareCredentials
			.provided(() -> CloudflareCredentials.apiToken("secret-token-77"));
		assertThat(provided).hasToString("Provided[******]");
	}

	@Test
	void aProviderThatSuppliesNothingFailsThePushWithoutSendingIt() {
		QueuePublisher publisher = TestPublishers.at(server.baseUrl())
			.credentials(CloudflareCredentials.provided(() -> null))
			.build();

		StepVerifier.create(publisher.pushText("one"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueTransportException.class)
				.hasMessage("The request failed before an answer arrived (IllegalStateException: The credentials "
						+ "provider supplied null; it must supply an API token or a global API key): push to queue "
						+ "'orders' (id fedcba9876543210fedcba9876543210)"))
			.verify();
		server.verify(0, postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH)));
	}

}
