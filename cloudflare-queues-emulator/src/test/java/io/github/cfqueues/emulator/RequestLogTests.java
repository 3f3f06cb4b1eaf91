package io.github.cfqueues.emulator;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RequestLogTests extends RunningEmulator {

	@Test
	void everyRequestIsRecordedWithItsAnswerAndWhetherItCounts() {
		String base = "/client/v4";
		this.client.push("{\"body\":1}");
		this.clock.advanceSeconds(1);
		this.client.pull("{}");
		this.client.ack("{}");
		this.client.metrics();
		this.client.batch("{\"messages\":[]}");
		this.client.get(ApiClient.queuePath(ApiClient.ACCOUNT, "missing", "metrics"));
		ApiClient.send(this.client.unauthenticatedRequest(ApiClient.queuePath("metrics")).GET().build());
		this.client.post("/elsewhere", "{}");

		assertThat(this.emulator.requests())
			.extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::accountId,
					RecordedRequest::queueId, RecordedRequest::status, RecordedRequest::countedAgainstRateLimit)
			.containsExactly(
					tuple("POST", base + ApiClient.queuePath("messages"), ApiClient.ACCOUNT, ApiClient.QUEUE, 200,
							true),
					tuple("POST", base + ApiClient.queuePath("messages/pull"), ApiClient.ACCOUNT, ApiClient.QUEUE, 200,
							false),
					tuple("POST", base + ApiClient.queuePath("messages/ack"), ApiClient.ACCOUNT, ApiClient.QUEUE, 200,
							false),
					tuple("GET", base + ApiClient.queuePath("metrics"), ApiClient.ACCOUNT, ApiClient.QUEUE, 200, true),
					tuple("POST", base + ApiClient.queuePath("messages/batch"), ApiClient.ACCOUNT, ApiClient.QUEUE, 400,
							true),
					tuple("GET", base + ApiClient.queuePath(ApiClient.ACCOUNT, "missing", "metrics"), ApiClient.ACCOUNT,
							"missing", 404, true),
					tuple("GET", base + ApiClient.queuePath("metrics"), ApiClient.ACCOUNT, ApiClient.QUEUE, 403, false),
					tuple("POST", base + "/elsewhere", null, null, 404, false));
		assertThat(this.emulator.requests().get(0).receivedAt()).isEqualTo(MutableClock.START);
		assertThat(this.emulator.requests().get(1).receivedAt()).isEqualTo(MutableClock.START.plusSeconds(1));
		assertThat(this.emulator.requests().get(0).body()).isEqualTo("{\"body\":1}");
	}

	@Test
	void resetRequestsForgetsTheLog() {
		this.client.metrics();

		this.emulator.resetRequests();

		assertThat(this.emulator.requests()).isEmpty();
		this.client.metrics();
		assertThat(this.emulator.requests()).hasSize(1);
	}

	@Test
	void requestWithoutBodyIsRecordedWithEmptyBody() {
		ApiClient.send(this.client.request(ApiClient.queuePath("messages/pull"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(this.emulator.requests()).singleElement().satisfies((request) -> {
			assertThat(request.body()).isEmpty();
			assertThat(request.status()).isEqualTo(200);
			assertThat(request.connectionDropped()).isFalse();
		});
	}

}
