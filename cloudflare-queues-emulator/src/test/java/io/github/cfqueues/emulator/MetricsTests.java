package io.github.cfqueues.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsTests extends RunningEmulator {

	@Test
	void emptyQueueReportsZeroes() {
		assertSuccess(this.client.metrics(),
				"{\"backlog_count\":0,\"backlog_bytes\":0,\"oldest_message_timestamp_ms\":0}");
	}

	@Test
	void metricsCountMessagesBytesAndTheOldestArrival() {
		this.client.push(Bodies.text("first").toString());
		this.clock.advanceSeconds(10);
		this.client.push("{\"body\":{\"n\":1}}");
		this.clock.advanceSeconds(10);
		this.client.batch(Bodies.batch(List.of(Bodies.text("a"), Bodies.text("bc"))));

		assertSuccess(this.client.metrics(), "{\"backlog_count\":4,\"backlog_bytes\":" + (105 + 107 + 101 + 102)
				+ ",\"oldest_message_timestamp_ms\":" + MutableClock.START.toEpochMilli() + "}");
	}

	@Test
	void delayedMessagesCountInTheBacklog() {
		this.client.push(Bodies.text("later", 3600).toString());

		JsonNode metrics = ApiClient.result(this.client.metrics());

		assertThat(metrics.get("backlog_count").longValue()).isEqualTo(1);
		assertThat(metrics.get("backlog_bytes").longValue()).isEqualTo(105);
	}

	@Test
	void leasedMessagesCountInTheBacklogUntilAcked() {
		this.client.push(Bodies.text("first").toString());
		this.clock.advanceSeconds(5);
		this.client.push(Bodies.text("second").toString());
		String leaseId = ApiClient.result(this.client.pull("{\"batch_size\":1}"))
			.get("messages")
			.get(0)
			.get("lease_id")
			.stringValue();

		assertThat(ApiClient.result(this.client.metrics()).get("backlog_count").longValue()).isEqualTo(2);

		this.client.ack("{\"acks\":[{\"lease_id\":\"" + leaseId + "\"}]}");

		assertSuccess(this.client.metrics(), "{\"backlog_count\":1,\"backlog_bytes\":106,"
				+ "\"oldest_message_timestamp_ms\":" + MutableClock.START.plusSeconds(5).toEpochMilli() + "}");
	}

	@Test
	void javaViewAgreesWithTheMetricsEndpoint() {
		this.client.push(Bodies.text("abc").toString());
		EmulatedQueue queue = this.emulator.queue(ApiClient.ACCOUNT, ApiClient.QUEUE).orElseThrow();

		assertThat(queue.backlogCount()).isEqualTo(1);
		assertThat(queue.backlogBytes()).isEqualTo(103);
		assertThat(queue.oldestMessageTimestamp()).hasValue(MutableClock.START);
	}

}
