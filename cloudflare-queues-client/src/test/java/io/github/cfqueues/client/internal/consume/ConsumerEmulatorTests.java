package io.github.cfqueues.client.internal.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.TestClock;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.ConsumerSettings;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.RecordedRequest;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer against the emulator's model of Cloudflare: acknowledged messages leave, retried and expired ones come
 * back with one more attempt, exhausted ones go to the dead-letter queue, settlements travel a hundred at a time,
 * and concurrent pullers never share a message.
 */
class ConsumerEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TestClock clock = new TestClock();

	private CloudflareQueuesEmulator emulator;

	private EmulatedQueue queue;

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.clock(this.clock)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE, "orders")
			.start();
		this.queue = this.emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE).orElseThrow();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	private TestPublishers server() {
		return TestPublishers.at("http://127.0.0.1:" + this.emulator.port());
	}

	private QueueConsumer consumer(QueueConsumerOptions options) {
		return server().consumer(options);
	}

	private void push(int count) {
		List<QueueMessage> messages = IntStream.range(0, count).mapToObj((i) -> QueueMessage.text("m" + i)).toList();
		server().build().pushBatch(messages).block(TIMEOUT);
	}

	private static List<String> bodies(List<ReceivedMessage> messages) {
		return messages.stream().map(ReceivedMessage::bodyAsText).toList();
	}

	@Test
	void anAcknowledgedMessageLeavesTheQueue() {
		push(2);
		QueueConsumer consumer = consumer(QueueConsumerOptions.DEFAULTS);
		List<ReceivedMessage> messages = consumer.pull().block(TIMEOUT);

		Flux.fromIterable(messages).flatMap(ReceivedMessage::ack).blockLast(TIMEOUT);

		assertThat(bodies(messages)).containsExactly("m0", "m1");
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::body).containsExactly("m0", "m1");
	}

	@Test
	void aRetriedMessageComesBackAfterItsDelayWithOneMoreAttempt() {
		push(1);
		QueueConsumer consumer = consumer(QueueConsumerOptions.DEFAULTS);
		ReceivedMessage first = consumer.pull().block(TIMEOUT).get(0);

		first.retry(Duration.ofSeconds(60)).block(TIMEOUT);
		this.clock.advance(Duration.ofSeconds(59));
		List<ReceivedMessage> tooEarly = consumer.pull().block(TIMEOUT);
		this.clock.advance(Duration.ofSeconds(1));
		List<ReceivedMessage> again = consumer.pull().block(TIMEOUT);

		assertThat(first.attempts()).isOne();
		assertThat(tooEarly).isEmpty();
		assertThat(again).singleElement().satisfies((message) -> {
			assertThat(message.id()).isEqualTo(first.id());
			assertThat(message.attempts()).isEqualTo(2);
			assertThat(message.leaseId()).isNotEqualTo(first.leaseId());
		});
	}

	@Test
	void aMessageWhoseLeaseRunsOutComesBackWithOneMoreAttempt() {
		push(1);
		QueueConsumer consumer = consumer(QueueConsumerOptions.DEFAULTS);
		ReceivedMessage first = consumer.pull(1, Duration.ofSeconds(10)).block(TIMEOUT).get(0);

		List<ReceivedMessage> whileLeased = consumer.pull().block(TIMEOUT);
		this.clock.advance(Duration.ofSeconds(11));
		List<ReceivedMessage> again = consumer.pull().block(TIMEOUT);

		assertThat(whileLeased).isEmpty();
		assertThat(again).singleElement().satisfies((message) -> {
			assertThat(message.id()).isEqualTo(first.id());
			assertThat(message.attempts()).isEqualTo(2);
		});
	}

	@Test
	void aMessageRetriedPastMaxRetriesGoesToTheDeadLetterQueue() {
		this.emulator.createQueue(TestPublishers.ACCOUNT, "deadletters000000000000000000000", "orders-dlq");
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(1).withDeadLetterQueue("orders-dlq"));
		push(1);
		QueueConsumer consumer = consumer(QueueConsumerOptions.DEFAULTS);

		for (int delivery = 1; delivery <= 2; delivery++) {
			ReceivedMessage message = consumer.pull().block(TIMEOUT).get(0);
			assertThat(message.attempts()).isEqualTo(delivery);
			message.retry(Duration.ZERO).block(TIMEOUT);
		}

		assertThat(consumer.pull().block(TIMEOUT)).isEmpty();
		assertThat(this.queue.deadLettered()).singleElement().satisfies((dead) -> {
			assertThat(dead.message().body()).isEqualTo("m0");
			assertThat(dead.deadLetterQueue()).isEqualTo("orders-dlq");
		});
		assertThat(this.emulator.queueByName(TestPublishers.ACCOUNT, "orders-dlq").orElseThrow().messages())
			.extracting(StoredMessage::body)
			.containsExactly("m0");
	}

	@Test
	void theSettlementsOf250MessagesTravelInThreeRequests() {
		push(250);
		QueueConsumer consumer = consumer(QueueConsumerOptions.builder().ackMaxWait(Duration.ofMinutes(1)).build());
		List<ReceivedMessage> messages = new ArrayList<>();
		for (int pull = 0; pull < 3; pull++) {
			messages.addAll(consumer.pull(100, Duration.ofMinutes(5)).block(TIMEOUT));
		}
		this.emulator.resetRequests();

		List<Mono<Void>> settlements = messages.stream().map(ReceivedMessage::ack).toList();
		Mono.when(settlements).and(consumer.flush()).block(TIMEOUT);

		assertThat(messages).hasSize(250);
		assertThat(this.emulator.requests()).extracting(RecordedRequest::path)
			.containsOnly(TestPublishers.ACK_PATH)
			.hasSize(3);
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void concurrentPullersNeverLeaseOneMessageTwiceAndEveryMessageIsAcknowledgedOnce() {
		int total = 3000;
		push(total);
		QueueConsumer consumer = consumer(QueueConsumerOptions.builder().batchSize(25)
			.visibilityTimeout(Duration.ofMinutes(10))
			.ackMaxWait(Duration.ofMillis(5))
			.build());
		Set<String> leased = ConcurrentHashMap.newKeySet();
		List<String> twice = new CopyOnWriteArrayList<>();
		List<Throwable> failures = new CopyOnWriteArrayList<>();

		Flux.range(0, 8)
			.flatMap((puller) -> consumer.pull()
				.flatMapMany(Flux::fromIterable)
				.flatMap((message) -> {
					if (!leased.add(message.id())) {
						twice.add(message.id());
					}
					return message.ack().doOnError(failures::add);
				})
				.then()
				.repeat(() -> leased.size() < total)
				.subscribeOn(Schedulers.parallel()), 8)
			.blockLast(Duration.ofMinutes(2));
		consumer.flush().block(TIMEOUT);

		assertThat(twice).isEmpty();
		assertThat(failures).isEmpty();
		assertThat(leased).hasSize(total);
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.queue.acknowledged()).hasSize(total);
	}

}
