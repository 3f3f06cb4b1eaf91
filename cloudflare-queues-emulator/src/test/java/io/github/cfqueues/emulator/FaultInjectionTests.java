package io.github.cfqueues.emulator;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FaultInjectionTests {

	private static final String PUSH = "{\"body\":\"x\",\"content_type\":\"text\"}";

	private CloudflareQueuesEmulator emulator;

	private EmulatedQueue queue;

	private ApiClient client;

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	@Test
	void statusFaultAnswersTheCannedResponseAndStoresNothing() {
		start(Faults.always(Fault.internalServerError()));

		assertError(this.client.push(PUSH), 500, 15000, "Internal Server Error");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void htmlBadGatewayFaultAnswersAnHtmlPage() {
		start(Faults.always(Fault.badGatewayHtml()));

		HttpResponse<String> response = this.client.batch("{\"messages\":[{\"body\":1}]}");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(response.headers().firstValue("cf-ray")).isPresent();
		assertThat(response.body()).contains("502 Bad Gateway");
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void errorFaultAnswersACloudflareEnvelope() {
		start(Faults.always(Fault.error(503, 10250, "Queue \"overloaded\"")));

		assertError(this.client.push(PUSH), 503, 10250, "Queue \"overloaded\"");
	}

	@Test
	void statusFaultMayHaveAnEmptyBody() {
		start(Faults.always(Fault.status(504, "text/plain", "")));

		HttpResponse<String> response = this.client.push(PUSH);

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void rateLimitedFaultAnswers429WithRetryAfterRoundedUp() {
		start(Faults.always(Fault.rateLimited(Duration.ofMillis(2500))));

		HttpResponse<String> response = this.client.push(PUSH);

		assertError(response, 429, 971, "Please wait and consider throttling your request speed");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.emulator.rateLimitRejections()).isZero();
	}

	@Test
	void dropConnectionClosesTheConnectionWithoutAnswerAndStoresNothing() {
		start(Faults.firstRequests(1, Fault.dropConnection()));
		HttpRequest request = this.client.request(ApiClient.queuePath("messages"))
			.POST(HttpRequest.BodyPublishers.ofString(PUSH))
			.build();

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> ApiClient.http().send(request,
				HttpResponse.BodyHandlers.ofString()));
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.emulator.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.connectionDropped()).isTrue();
			assertThat(recorded.status()).isEqualTo(RecordedRequest.NO_RESPONSE);
		});
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void delayAfterStoreStoresTheMessageThenAnswersLate() throws Exception {
		start(Faults.firstRequests(1, Fault.delayAfterStore(Duration.ofSeconds(2))));
		HttpRequest impatient = this.client.request(ApiClient.queuePath("messages"))
			.timeout(Duration.ofMillis(300))
			.POST(HttpRequest.BodyPublishers.ofString(PUSH))
			.build();

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> ApiClient.http().send(impatient, HttpResponse.BodyHandlers.ofString()));
		assertThat(this.queue.messages()).hasSize(1);

		HttpResponse<String> retry = this.client.push(PUSH);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(this.queue.messages()).as("the retry duplicated the message").hasSize(2);
	}

	@Test
	void delayAfterStoreAnswersNormallyOnceTheDelayIsOver() {
		start(Faults.always(Fault.delayAfterStore(Duration.ofMillis(300))));

		long started = System.nanoTime();
		HttpResponse<String> response = this.client.push(PUSH);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(ApiClient.result(response).get("metadata").get("metrics").get("backlog_count").intValue())
			.isEqualTo(1);
	}

	@Test
	void delayBeforeProcessingStoresOnlyAfterTheDelay() throws Exception {
		start(Faults.always(Fault.delayBeforeProcessing(Duration.ofMillis(500))));
		HttpRequest request = this.client.request(ApiClient.queuePath("messages"))
			.POST(HttpRequest.BodyPublishers.ofString(PUSH))
			.build();

		CompletableFuture<HttpResponse<String>> response = ApiClient.http()
			.sendAsync(request, HttpResponse.BodyHandlers.ofString());
		Thread.sleep(150);

		assertThat(this.queue.messages()).isEmpty();
		assertThat(response.get().statusCode()).isEqualTo(200);
		assertThat(this.queue.messages()).hasSize(1);
	}

	@Test
	void injectorIsAskedAboutPushAndBatchRequestsOnlyAndSeesWhatTheyCarry() {
		List<FaultRequest> seen = new CopyOnWriteArrayList<>();
		start((request) -> {
			seen.add(request);
			return Fault.none();
		});

		this.client.push(PUSH);
		this.client.pull("{}");
		this.client.metrics();
		this.client.ack("{}");
		this.client.batch("{\"messages\":[{\"body\":1}]}");

		assertThat(seen).containsExactly(
				new FaultRequest("POST", "/client/v4" + ApiClient.queuePath("messages"), ApiClient.ACCOUNT,
						ApiClient.QUEUE, 1, PUSH),
				new FaultRequest("POST", "/client/v4" + ApiClient.queuePath("messages/batch"), ApiClient.ACCOUNT,
						ApiClient.QUEUE, 2, "{\"messages\":[{\"body\":1}]}"));
		assertThat(seen.get(1).isBatch()).isTrue();
	}

	@Test
	void injectorIsNotAskedAboutUnauthenticatedRequests() {
		List<FaultRequest> seen = new CopyOnWriteArrayList<>();
		start((request) -> {
			seen.add(request);
			return Fault.internalServerError();
		});

		HttpRequest request = this.client.unauthenticatedRequest(ApiClient.queuePath("messages"))
			.POST(HttpRequest.BodyPublishers.ofString(PUSH))
			.build();

		HttpResponse<String> response = ApiClient.send(request);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(seen).isEmpty();
	}

	@Test
	void faultInjectorCanBeReplacedWhileRunning() {
		start(FaultInjector.none());
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);

		this.emulator.setFaultInjector(Faults.always(Fault.internalServerError()));
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(500);

		this.emulator.setFaultInjector(FaultInjector.none());
		assertThat(this.client.push(PUSH).statusCode()).isEqualTo(200);
	}

	@Test
	void sharesOfFaultsShowInTheAnswers() {
		start(Faults.randomly(new Random(7))
			.withShare(0.3, Fault.internalServerError())
			.withShare(0.2, Fault.badGatewayHtml())
			.build());

		int[] statuses = new int[600];
		for (int i = 0; i < 200; i++) {
			statuses[this.client.push(PUSH).statusCode()]++;
		}

		assertThat(statuses[200] + statuses[500] + statuses[502]).isEqualTo(200);
		assertThat(statuses[500]).isBetween(35, 85);
		assertThat(statuses[502]).isBetween(20, 60);
		assertThat(this.queue.messages()).hasSize(statuses[200]);
	}

	private void start(FaultInjector faults) {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN).faultInjector(faults).start();
		this.queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client = new ApiClient(this.emulator);
	}

}
