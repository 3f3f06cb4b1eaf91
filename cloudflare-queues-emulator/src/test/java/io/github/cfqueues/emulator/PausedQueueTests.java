package io.github.cfqueues.emulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.cfqueues.emulator.ApiClient.assertError;
import static io.github.cfqueues.emulator.ApiClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PausedQueueTests extends RunningEmulator {

	private static final String PAUSED = "queue_delivery_paused: message delivery is paused on queue queue1 (queue1), "
			+ "so nothing can be pulled; resume it by setting delivery_paused to false: PATCH "
			+ "/accounts/account1/queues/queue1 with {\"settings\":{\"delivery_paused\":false}}, as wrangler queues "
			+ "resume-delivery queue1 does";

	@Test
	void pullOnAPausedQueueIsRefusedWith409AndPushesAreStillAccepted() {
		pause(true);

		assertThat(this.client.push(Bodies.text("held").toString()).statusCode()).isEqualTo(200);
		assertError(this.client.pull("{}"), 409, 11014, PAUSED);

		assertThat(this.queue.messages()).singleElement().satisfies((message) -> {
			assertThat(message.attempts()).isZero();
			assertThat(message.leaseId()).isNull();
		});
		pause(false);
		assertThat(pull()).extracting((message) -> message.get("body").stringValue()).containsExactly("held");
	}

	@Test
	void pullOnAPausedQueueIsRefusedEvenWhenItsBodyIsInvalid() {
		pause(true);

		assertError(this.client.pull("{\"batch_size\":0}"), 409, 11014, PAUSED);
	}

	@Test
	void pullOnAPausedQueueNamesTheQueueByNameAndId() {
		EmulatedQueue orders = this.emulator.createQueue(ApiClient.ACCOUNT, "q2", "orders");
		orders.updateSettings(QueueSettings.defaults().withDeliveryPaused(true));

		assertError(this.client.post(ApiClient.queuePath(ApiClient.ACCOUNT, "q2", "messages/pull"), "{}"), 409,
				11014,
				"queue_delivery_paused: message delivery is paused on queue orders (q2), so nothing can be pulled; "
						+ "resume it by setting delivery_paused to false: PATCH /accounts/account1/queues/q2 with "
						+ "{\"settings\":{\"delivery_paused\":false}}, as wrangler queues resume-delivery orders does");
	}

	@Test
	void acksAndRetriesOfMessagesPulledBeforeThePauseStillWork() {
		this.client.push(Bodies.text("done").toString());
		this.client.push(Bodies.text("again").toString());
		JsonNode pulled = pull();
		pause(true);

		assertSuccess(this.client.ack("{\"acks\":[{\"lease_id\":\"" + leaseId(pulled.get(0))
				+ "\"}],\"retries\":[{\"lease_id\":\"" + leaseId(pulled.get(1)) + "\",\"delay_seconds\":0}]}"),
				"{\"ackCount\":1,\"retryCount\":1,\"warnings\":{}}");

		assertThat(this.queue.acknowledged()).extracting(StoredMessage::body).containsExactly("done");
		assertThat(this.client.pull("{}").statusCode()).isEqualTo(409);
		pause(false);
		JsonNode redelivered = pull();
		assertThat(redelivered).extracting((message) -> message.get("body").stringValue()).containsExactly("again");
		assertThat(redelivered.get(0).get("attempts").intValue()).isEqualTo(2);
	}

	@Test
	void leasesRunOutAndRetentionAppliesWhileDeliveryIsPaused() {
		this.queue.updateSettings(QueueSettings.defaults().withMessageRetentionPeriod(Duration.ofSeconds(60)));
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0));
		this.client.push(Bodies.text("leased").toString());
		pull();
		this.clock.advanceSeconds(1);
		this.client.push(Bodies.text("waiting").toString());
		pause(true);

		this.clock.advanceSeconds(30);
		assertThat(this.queue.dropped()).extracting((dropped) -> dropped.message().body(), DroppedMessage::reason)
			.containsExactly(tuple("leased", DroppedMessage.Reason.RETRIES_EXHAUSTED));
		this.clock.advanceSeconds(30);

		assertThat(this.queue.dropped()).extracting(DroppedMessage::reason)
			.containsExactly(DroppedMessage.Reason.RETRIES_EXHAUSTED, DroppedMessage.Reason.RETENTION_PERIOD_EXPIRED);
		assertThat(this.queue.messages()).isEmpty();
	}

	private void pause(boolean paused) {
		String path = ApiClient.adminPath(ApiClient.ACCOUNT, ApiClient.QUEUE, "");
		assertThat(this.client.patch(path, "{\"settings\":{\"delivery_paused\":" + paused + "}}").statusCode())
			.isEqualTo(200);
	}

	private JsonNode pull() {
		return ApiClient.result(this.client.pull("{}")).get("messages");
	}

	private static String leaseId(JsonNode message) {
		return message.get("lease_id").stringValue();
	}

}
