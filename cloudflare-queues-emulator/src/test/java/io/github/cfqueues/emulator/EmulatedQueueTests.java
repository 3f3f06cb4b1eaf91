package io.github.cfqueues.emulator;

import java.time.Duration;

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
	void queueIsNamedAfterItsIdUnlessToldOtherwiseAndFoundByName() {
		EmulatedQueue plain = this.emulator.createQueue("a", "q1");
		EmulatedQueue named = this.emulator.createQueue("a", "q2", "orders_v2-eu");

		assertThat(plain.name()).isEqualTo("q1");
		assertThat(named.name()).isEqualTo("orders_v2-eu");
		assertThat(this.emulator.queueByName("a", "orders_v2-eu")).hasValueSatisfying(
				(queue) -> assertThat(queue.queueId()).isEqualTo("q2"));
		assertThat(this.emulator.queueByName("b", "orders_v2-eu")).isEmpty();
		assertThat(this.emulator.createQueue("a", "q2", "orders_v2-eu").queueId()).isEqualTo("q2");
		assertThat(this.emulator.createQueue("a", "q2").name()).isEqualTo("orders_v2-eu");
	}

	@Test
	void queueNamedAfterItsIdTakesASuffixWhenAnotherQueueHasThatName() {
		this.emulator.createQueue("a", "q1", "orders");
		this.emulator.createQueue("a", "q2", "orders-2");

		assertThat(this.emulator.createQueue("a", "orders").name()).isEqualTo("orders-3");
	}

	@Test
	void createQueueRefusesNameConflicts() {
		this.emulator.createQueue("a", "q1", "orders");

		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.createQueue("a", "q2", "orders"))
			.withMessageContaining("account a has a queue named 'orders' already");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.createQueue("a", "q1", "other"))
			.withMessageContaining("exists already, named 'orders'");
		assertThat(this.emulator.createQueue("b", "q2", "orders").name()).isEqualTo("orders");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "dot.ted", "é",
			"0123456789012345678901234567890123456789012345678901234567890123" })
	void createQueueRejectsMalformedNames(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.createQueue("a", "q", name));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CloudflareQueuesEmulator.builder().queue("a", "q", name));
	}

	@Test
	void builderCreatesNamedQueuesWithADefaultConsumer() {
		try (CloudflareQueuesEmulator built = CloudflareQueuesEmulator.builder().queue("a", "q1", "orders").build()) {
			EmulatedQueue queue = built.queueByName("a", "orders").orElseThrow();

			assertThat(queue.queueId()).isEqualTo("q1");
			assertThat(queue.consumer()).hasValue(ConsumerSettings.defaults());
			assertThat(queue.settings()).isEqualTo(QueueSettings.defaults());
		}
	}

	@Test
	void consumerCanBeConfiguredAndRemoved() {
		EmulatedQueue queue = this.emulator.createQueue("a", "q");
		ConsumerSettings settings = new ConsumerSettings(10, 5, Duration.ofSeconds(30), Duration.ofMinutes(2), "dead");

		queue.configureConsumer(settings);
		assertThat(queue.consumer()).hasValue(settings);
		assertThat(settings.maxDeliveries()).isEqualTo(6);

		queue.removeConsumer();
		assertThat(queue.consumer()).isEmpty();
	}

	@Test
	void defaultSettingsAreCloudflares() {
		assertThat(QueueSettings.defaults()).isEqualTo(new QueueSettings(Duration.ZERO, false, Duration.ofDays(4)));
		assertThat(ConsumerSettings.defaults())
			.isEqualTo(new ConsumerSettings(5, 3, Duration.ZERO, Duration.ofSeconds(30), null));
	}

	@Test
	void settingsOutOfCloudflaresBoundsAreRejected() {
		QueueSettings queue = QueueSettings.defaults();
		ConsumerSettings consumer = ConsumerSettings.defaults();

		assertThatIllegalArgumentException().isThrownBy(() -> queue.withDeliveryDelay(Duration.ofSeconds(86_401)));
		assertThatIllegalArgumentException().isThrownBy(() -> queue.withDeliveryDelay(Duration.ofMillis(1500)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue.withMessageRetentionPeriod(Duration.ofSeconds(59)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue.withMessageRetentionPeriod(Duration.ofSeconds(1_209_601)));
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.withBatchSize(0));
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.withBatchSize(101));
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.withMaxRetries(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.withMaxRetries(101));
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.withRetryDelay(Duration.ofSeconds(86_401)))
			.withMessage("retryDelay must be a whole number of seconds from 0 to 86400, not PT24H1S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> consumer.withVisibilityTimeout(Duration.ofMillis(43_200_001)));
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.withDeadLetterQueue("not a name"));
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
