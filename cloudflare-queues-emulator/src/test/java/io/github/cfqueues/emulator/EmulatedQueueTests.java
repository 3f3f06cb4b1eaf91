package io.github.cfqueues.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmulatedQueueTests {

	private final MutableClock clock = new MutableClock();

	private CloudflareQueuesEmulator emulator;

	private ApiClient client;

	@BeforeEach
	void start() {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN).clock(this.clock).start();
		this.client = new ApiClient(this.emulator);
	}

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	@Test
	void createQueueIsIdempotent() {
		EmulatedQueue first = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client.push("{\"body\":1}");

		EmulatedQueue second = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);

		assertThat(second.messages()).isEqualTo(first.messages()).hasSize(1);
		assertThat(this.emulator.queues()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has-dash", "123456789012345678901234567890123", "é" })
	void createQueueRejectsMalformedIds(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.createQueue(id, "queue"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.createQueue("account", id));
	}

	@Test
	void unknownQueueIsEmpty() {
		assertThat(this.emulator.queue("nobody", "nothing")).isEmpty();
		assertThat(this.emulator.queue("bad-id", "x")).isEmpty();
	}

	@Test
	void queuesAreListedByAccountThenQueue() {
		this.emulator.createQueue("b", "q1");
		this.emulator.createQueue("a", "q2");
		this.emulator.createQueue("a", "q1");

		assertThat(this.emulator.queues()).extracting(EmulatedQueue::toString)
			.containsExactly("EmulatedQueue[a/q1]", "EmulatedQueue[a/q2]", "EmulatedQueue[b/q1]");
	}

	@Test
	void messagesIsAnImmutableSnapshot() {
		EmulatedQueue queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client.push("{\"body\":1}");
		var snapshot = queue.messages();

		this.client.push("{\"body\":2}");

		assertThat(snapshot).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(snapshot::clear);
	}

	@Test
	void storedMessageOffersItsBodyAsTextAndBytes() {
		EmulatedQueue queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client.push(Bodies.text("héllo", 10).toString());
		StoredMessage message = queue.messages().get(0);

		assertThat(message.isText()).isTrue();
		assertThat(message.isJson()).isFalse();
		assertThat(message.bodyAsText()).isEqualTo("héllo");
		assertThat(message.bodyAsBytes()).hasSize(6);
		assertThat(message.isAvailableAt(this.clock.instant())).isFalse();
		assertThat(message.isAvailableAt(this.clock.instant().plusSeconds(10))).isTrue();
		assertThat(message.leaseId()).isNull();
	}

	@Test
	void clearEmptiesTheQueueAndForgetsLeases() {
		EmulatedQueue queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client.push("{\"body\":1}");
		String leaseId = ApiClient.result(this.client.pull("{}")).get("messages").get(0).get("lease_id").stringValue();

		queue.clear();

		assertThat(queue.messages()).isEmpty();
		assertThat(queue.backlogCount()).isZero();
		assertThat(queue.backlogBytes()).isZero();
		assertThat(queue.oldestMessageTimestamp()).isEmpty();
		assertThat(ApiClient.result(this.client.ack("{\"acks\":[{\"lease_id\":\"" + leaseId + "\"}]}"))
			.get("ackCount")
			.intValue()).isZero();
	}

	@Test
	void resetEmptiesEveryQueueButKeepsThem() {
		this.emulator.createQueue("a", "q1");
		this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client.push("{\"body\":1}");

		this.emulator.reset();

		assertThat(this.emulator.queues()).hasSize(2).allSatisfy((queue) -> assertThat(queue.messages()).isEmpty());
		assertThat(this.emulator.requests()).isEmpty();
	}

}
