package io.github.cfqueues.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests {

	private static final String PUSH = "{\"body\":\"x\",\"content_type\":\"text\"}";

	private CloudflareQueuesEmulator emulator;

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	@Test
	void acceptedBearerTokenIsAuthenticated() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken("other").apiToken(ApiClient.TOKEN));

		assertThat(client.push(PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void wrongBearerTokenIsRejectedWith403And10000() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken("the-right-token"));

		assertError(client.push(PUSH), 403, 10000, "Authentication error");
		assertThat(this.emulator.queue(ApiClient.ACCOUNT, ApiClient.QUEUE).orElseThrow().messages()).isEmpty();
	}

	@Test
	void missingCredentialsAreRejectedWith403And10000() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN));

		assertError(send(client.unauthenticatedRequest(ApiClient.queuePath("messages")), PUSH), 403, 10000,
				"Authentication error");
	}

	@Test
	void authorizationWithoutBearerSchemeIsRejected() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN));

		HttpRequest.Builder request = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("Authorization", "Basic " + ApiClient.TOKEN);

		assertError(send(request, PUSH), 403, 10000, "Authentication error");
	}

	@Test
	void bearerSchemeIsCaseInsensitive() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN));

		HttpRequest.Builder request = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("Authorization", "bearer " + ApiClient.TOKEN);

		assertThat(send(request, PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void acceptedEmailAndGlobalApiKeyAreAuthenticated() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().globalApiKey("me@example.com", "key1"));

		HttpRequest.Builder request = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("X-Auth-Email", "me@example.com")
			.header("X-Auth-Key", "key1");

		assertThat(send(request, PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void wrongGlobalApiKeyIsRejectedWith403() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().globalApiKey("me@example.com", "key1"));

		HttpRequest.Builder request = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("X-Auth-Email", "me@example.com")
			.header("X-Auth-Key", "key2");

		assertError(send(request, PUSH), 403, 10000, "Authentication error");
	}

	@Test
	void emailWithoutKeyIsRejectedWith403() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().globalApiKey("me@example.com", "key1"));

		HttpRequest.Builder request = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("X-Auth-Email", "me@example.com");

		assertError(send(request, PUSH), 403, 10000, "Authentication error");
	}

	@Test
	void bearerTokenAndGlobalApiKeyAtOnceAreRejectedWith400() {
		ApiClient client = start(CloudflareQueuesEmulator.builder()
			.apiToken(ApiClient.TOKEN)
			.globalApiKey("me@example.com", "key1"));

		HttpRequest.Builder request = client.request(ApiClient.queuePath("messages"))
			.header("X-Auth-Email", "me@example.com")
			.header("X-Auth-Key", "key1");

		assertError(send(request, PUSH), 400, 10000,
				"Authentication error: send either an API token or X-Auth-Email and X-Auth-Key, not both");
	}

	@Test
	void acceptAnyCredentialsAcceptsAnyTokenOrKeyButNotNone() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken("unused").acceptAnyCredentials());

		HttpRequest.Builder anyToken = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("Authorization", "Bearer whatever");
		HttpRequest.Builder anyKey = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("X-Auth-Email", "a@b.c")
			.header("X-Auth-Key", "k");
		HttpRequest.Builder emptyToken = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("Authorization", "Bearer ");

		assertThat(send(anyToken, PUSH).statusCode()).isEqualTo(200);
		assertThat(send(anyKey, PUSH).statusCode()).isEqualTo(200);
		assertThat(send(emptyToken, PUSH).statusCode()).isEqualTo(403);
		assertThat(send(client.unauthenticatedRequest(ApiClient.queuePath("messages")), PUSH).statusCode())
			.isEqualTo(403);
	}

	@Test
	void withoutConfiguredCredentialsAnyNonEmptyCredentialsAreAccepted() {
		ApiClient client = start(CloudflareQueuesEmulator.builder());

		HttpRequest.Builder anyToken = client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.header("Authorization", "Bearer anything");

		assertThat(send(anyToken, PUSH).statusCode()).isEqualTo(200);
		assertThat(send(client.unauthenticatedRequest(ApiClient.queuePath("messages")), PUSH).statusCode())
			.isEqualTo(403);
	}

	@Test
	void everyQueueOperationRequiresCredentials() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN));

		for (String operation : new String[] { "messages/batch", "messages/pull", "messages/ack" }) {
			assertError(send(client.unauthenticatedRequest(ApiClient.queuePath(operation)), "{}"), 403, 10000,
					"Authentication error");
		}
		assertError(ApiClient.send(client.unauthenticatedRequest(ApiClient.queuePath("metrics")).GET().build()),
				403, 10000, "Authentication error");
	}

	@Test
	void authenticationIsCheckedBeforeTheQueueExists() {
		ApiClient client = start(CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN));

		HttpResponse<String> response = send(
				client.unauthenticatedRequest(ApiClient.queuePath(ApiClient.ACCOUNT, "missing", "messages")), PUSH);

		assertThat(response.statusCode()).isEqualTo(403);
	}

	private ApiClient start(CloudflareQueuesEmulator.Builder builder) {
		this.emulator = builder.queue(ApiClient.ACCOUNT, ApiClient.QUEUE).start();
		return new ApiClient(this.emulator);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String body) {
		return ApiClient.send(request.POST(BodyPublishers.ofString(body)).build());
	}

}
