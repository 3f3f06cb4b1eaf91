package io.github.cfqueues.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks real HTTP to a running emulator, as {@code account1}/{@code queue1} with a Bearer token by default.
 */
final class ApiClient {

	static final String ACCOUNT = "account1";

	static final String QUEUE = "queue1";

	static final String TOKEN = "test-token";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI baseUrl;

	ApiClient(CloudflareQueuesEmulator emulator) {
		this.baseUrl = emulator.baseUrl();
	}

	static String queuePath(String suffix) {
		return queuePath(ACCOUNT, QUEUE, suffix);
	}

	static String queuePath(String account, String queue, String suffix) {
		return "/accounts/" + account + "/queues/" + queue + "/" + suffix;
	}

	static String queuesPath(String account) {
		return "/accounts/" + account + "/queues";
	}

	static String adminPath(String account, String queue, String suffix) {
		return queuesPath(account) + "/" + queue + (suffix.isEmpty() ? "" : "/" + suffix);
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Authorization", "Bearer " + TOKEN);
	}

	HttpRequest.Builder unauthenticatedRequest(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path));
	}

	HttpResponse<String> post(String path, String body) {
		return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	HttpResponse<String> put(String path, String body) {
		return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	HttpResponse<String> patch(String path, String body) {
		return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
	}

	HttpResponse<String> delete(String path) {
		return send(request(path).DELETE().build());
	}

	HttpResponse<String> push(String body) {
		return post(queuePath("messages"), body);
	}

	HttpResponse<String> batch(String body) {
		return post(queuePath("messages/batch"), body);
	}

	HttpResponse<String> pull(String body) {
		return post(queuePath("messages/pull"), body);
	}

	HttpResponse<String> ack(String body) {
		return post(queuePath("messages/ack"), body);
	}

	HttpResponse<String> metrics() {
		return get(queuePath("metrics"));
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpClient http() {
		return HTTP;
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static JsonNode result(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("result");
	}

	static void assertSuccess(HttpResponse<String> response, String expectedResult) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertJson(response.body(),
				"{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + expectedResult + "}");
		assertEnvelopeHeaders(response);
	}

	static void assertError(HttpResponse<String> response, int status, int code, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		String expected = "{\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":"
				+ JSON.writeValueAsString(message) + "}],\"messages\":[],\"result\":null}";
		assertJson(response.body(), expected);
		assertEnvelopeHeaders(response);
	}

	static void assertErrorCode(HttpResponse<String> response, int status, int code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode envelope = json(response);
		assertThat(envelope.get("success").booleanValue()).isFalse();
		assertThat(envelope.get("errors")).hasSize(1);
		assertThat(envelope.get("errors").get(0).get("code").intValue()).as(response.body()).isEqualTo(code);
		assertEnvelopeHeaders(response);
	}

	static void assertJson(String actual, String expected) {
		try {
			JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
		}
		catch (JSONException ex) {
			throw new AssertionError(ex);
		}
	}

	private static void assertEnvelopeHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("cf-ray")).hasValueSatisfying(
				(ray) -> assertThat(ray).matches("[0-9a-f]{16}-EMU"));
	}

}
