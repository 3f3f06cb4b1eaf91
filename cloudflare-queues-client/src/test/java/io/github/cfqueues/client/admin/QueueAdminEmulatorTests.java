package io.github.cfqueues.client.admin;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.LogCapture;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.MessageRejectedException;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.ConsumerSettings;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link QueueAdmin} and a consumer's HTTP pull set-up against the emulator's model of Cloudflare: queues made,
 * found by name, changed, purged and deleted; HTTP pull enabled on request only, once however many pull at once;
 * and a pull from a queue without HTTP pull that says how to enable it.
 */
class QueueAdminEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String ACCOUNT = TestPublishers.ACCOUNT;

	@RegisterExtension
	final LogCapture setupLog = LogCapture.of("io.github.cfqueues.client.internal.admin", "INFO");

	private CloudflareQueuesEmulator emulator;

	private CloudflareQueuesClient client;

	@BeforeEach
	void start() {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(TestPublishers.TOKEN).start();
		this.client = CloudflareQueuesClient.builder()
			.baseUrl(this.emulator.baseUrl())
			.accountId(ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.retry(new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0, Duration.ofSeconds(1)))
			.build();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.stop();
	}

	private QueueAdmin admin() {
		return this.client.admin();
	}

	private List<RecordedRequest> requests(String method, String pathEnd) {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().endsWith(pathEnd))
			.toList();
	}

	@Test
	void aQueueIsCreatedFoundByNameChangedAndDeleted() {
		QueueInfo created = admin().createQueue("orders").block(TIMEOUT);

		assertThat(created.queueName()).isEqualTo("orders");
		assertThat(created.hasHttpPullConsumer()).isFalse();
		assertThat(admin().queueId("orders").block(TIMEOUT)).isEqualTo(created.queueId());
		assertThat(admin().getQueueByName("orders").block(TIMEOUT).queueId()).isEqualTo(created.queueId());

		QueueInfo paused = admin().updateQueue(created.queueId(),
				QueueSettingsUpdate.builder().deliveryPaused(true).deliveryDelay(Duration.ofSeconds(30)).build())
			.block(TIMEOUT);
		assertThat(paused.settings().deliveryPaused()).isTrue();
		assertThat(paused.settings().deliveryDelay()).isEqualTo(Duration.ofSeconds(30));
		assertThat(paused.settings().messageRetentionPeriod()).isEqualTo(Duration.ofDays(4));
		assertThat(this.emulator.queueByName(ACCOUNT, "orders").orElseThrow().settings().deliveryPaused()).isTrue();

		admin().deleteQueue(created.queueId()).block(TIMEOUT);
		assertThat(this.emulator.queueByName(ACCOUNT, "orders")).isEmpty();
		StepVerifier.create(admin().getQueue(created.queueId())).verifyError(QueueNotFoundException.class);
	}

	@Test
	void everyQueueIsListedAcrossPages() {
		IntStream.range(0, 205).forEach((i) -> this.emulator.createQueue(ACCOUNT, "%032x".formatted(i), "q" + i));

		List<QueueInfo> queues = admin().listQueues().collectList().block(TIMEOUT);

		assertThat(queues).hasSize(205);
		assertThat(queues).extracting(QueueInfo::queueName).doesNotHaveDuplicates().contains("q0", "q204");
		assertThat(requests("GET", "/queues")).hasSize(3);
	}

	@Test
	void aPurgeEmptiesTheQueueAndReportsItsStatus() {
		EmulatedQueue queue = this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders");
		this.client.publisher(TestPublishers.QUEUE).pushText("one").block(TIMEOUT);
		assertThat(admin().metrics(TestPublishers.QUEUE).block(TIMEOUT).backlogCount()).isEqualTo(1);
		assertThat(admin().purgeStatus(TestPublishers.QUEUE).block(TIMEOUT).wasPurged()).isFalse();

		admin().purge(TestPublishers.QUEUE).block(TIMEOUT);

		PurgeStatus status = admin().purgeStatus(TestPublishers.QUEUE).block(TIMEOUT);
		assertThat(status.wasPurged()).isTrue();
		assertThat(status.completed()).isTrue();
		assertThat(queue.backlogCount()).isZero();
		QueueMetrics metrics = admin().metrics(TestPublishers.QUEUE).block(TIMEOUT);
		assertThat(metrics.backlogCount()).isZero();
	}

	@Test
	void anHttpPullConsumerIsCreatedReplacedAndDeleted() {
		EmulatedQueue queue = this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders");
		queue.removeConsumer();

		ConsumerInfo created = admin().createHttpPullConsumer(TestPublishers.QUEUE, HttpPullConsumerSettings.builder()
			.maxRetries(7)
			.visibilityTimeout(Duration.ofMinutes(2))
			.deadLetterQueue("orders-dlq")
			.build()).block(TIMEOUT);

		assertThat(created.isHttpPull()).isTrue();
		assertThat(queue.consumer()).contains(new ConsumerSettings(5, 7, Duration.ZERO, Duration.ofMinutes(2),
				"orders-dlq"));
		assertThat(admin().listConsumers(TestPublishers.QUEUE).block(TIMEOUT)).containsExactly(created);

		ConsumerInfo replaced = admin().updateHttpPullConsumer(TestPublishers.QUEUE, created.consumerId(),
				HttpPullConsumerSettings.builder().batchSize(50).build()).block(TIMEOUT);
		assertThat(replaced.batchSize()).isEqualTo(50);
		assertThat(replaced.maxRetries()).isEqualTo(3);
		assertThat(replaced.deadLetterQueue()).isNull();
		assertThat(admin().getConsumer(TestPublishers.QUEUE, created.consumerId()).block(TIMEOUT))
			.isEqualTo(replaced);

		admin().deleteConsumer(TestPublishers.QUEUE, created.consumerId()).block(TIMEOUT);
		assertThat(queue.consumer()).isEmpty();
	}

	@Test
	void aPullFromAQueueWithoutHttpPullSaysHowToEnableIt() {
		this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders").removeConsumer();
		QueueConsumer consumer = this.client.consumer("orders", TestPublishers.QUEUE, QueueConsumerOptions.DEFAULTS);

		StepVerifier.create(consumer.pull()).verifyErrorSatisfies((ex) -> assertThat(ex)
			.isInstanceOf(MessageRejectedException.class)
			.hasMessageContaining("HTTP pull may not be enabled on this queue")
			.hasMessageContaining("wrangler queues consumer http add <queue name>")
			.hasMessageContaining("cloudflare.queues.queues.orders.consumer.create-if-missing=true"));
		assertThat(requests("POST", "/consumers")).isEmpty();
	}

	@Test
	void aPausedQueueIsNotMistakenForOneWithoutHttpPull() {
		this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders");
		admin().updateQueue(TestPublishers.QUEUE, QueueSettingsUpdate.builder().deliveryPaused(true).build())
			.block(TIMEOUT);

		StepVerifier.create(this.client.consumer(TestPublishers.QUEUE).pull())
			.verifyErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("queue_delivery_paused")
				.hasMessageNotContaining("HTTP pull may not be enabled"));
	}

	@Test
	void createIfMissingEnablesHttpPullBeforeTheFirstPullAndLogsItOnce() {
		EmulatedQueue queue = this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders");
		queue.removeConsumer();
		this.client.publisher(TestPublishers.QUEUE).pushText("hello").block(TIMEOUT);
		QueueConsumer consumer = this.client.consumer("orders", TestPublishers.QUEUE, QueueConsumerOptions.builder()
			.createIfMissing(HttpPullConsumerSettings.builder().maxRetries(5).deadLetterQueue("orders-dlq").build())
			.build());

		List<ReceivedMessage> first = consumer.pull().block(TIMEOUT);
		consumer.pull().block(TIMEOUT);

		assertThat(first).extracting(ReceivedMessage::bodyAsText).containsExactly("hello");
		assertThat(queue.consumer()).hasValueSatisfying((settings) -> {
			assertThat(settings.maxRetries()).isEqualTo(5);
			assertThat(settings.deadLetterQueue()).isEqualTo("orders-dlq");
		});
		assertThat(requests("POST", "/consumers")).hasSize(1);
		assertThat(requests("GET", "/consumers")).hasSize(1);
		assertThat(this.setupLog.lines()).singleElement()
			.asString()
			.startsWith("INFO Created the HTTP pull consumer ")
			.contains("of queue 'orders' (id " + TestPublishers.QUEUE + ", account " + ACCOUNT + ")",
					"max retries 5", "dead-letter queue orders-dlq");
	}

	@Test
	void createIfMissingLeavesAQueueThatHasHttpPullAlone() {
		this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders");
		QueueConsumer consumer = this.client.consumer("orders", TestPublishers.QUEUE,
				QueueConsumerOptions.builder().createIfMissing(HttpPullConsumerSettings.DEFAULTS).build());

		consumer.pull().block(TIMEOUT);

		assertThat(requests("POST", "/consumers")).isEmpty();
		assertThat(requests("GET", "/consumers")).hasSize(1);
		assertThat(this.setupLog.lines()).isEmpty();
	}

	@Test
	void withoutCreateIfMissingNothingIsCreated() {
		this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders").removeConsumer();

		StepVerifier.create(this.client.consumer(TestPublishers.QUEUE).pull()).expectError().verify(TIMEOUT);

		assertThat(this.emulator.queue(ACCOUNT, TestPublishers.QUEUE).orElseThrow().consumer()).isEmpty();
		assertThat(requests("GET", "/consumers")).isEmpty();
		assertThat(requests("POST", "/consumers")).isEmpty();
	}

	@Test
	void manyPullersAtOnceCreateOneConsumer() {
		EmulatedQueue queue = this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders");
		queue.removeConsumer();
		int messages = 400;
		Flux.range(0, messages / 100)
			.concatMap((batch) -> this.client.publisher(TestPublishers.QUEUE)
				.pushBatch(IntStream.range(0, 100)
					.mapToObj((i) -> QueueMessage.text("m" + (batch * 100 + i)))
					.toList()))
			.blockLast(TIMEOUT);
		QueueConsumer consumer = this.client.consumer("orders", TestPublishers.QUEUE,
				QueueConsumerOptions.builder().createIfMissing(HttpPullConsumerSettings.DEFAULTS).build());
		Set<String> received = ConcurrentHashMap.newKeySet();

		Flux.range(0, 16)
			.parallel(16)
			.runOn(Schedulers.boundedElastic())
			.flatMap((puller) -> consumer.pull(10, Duration.ofMinutes(5))
				.repeat(10)
				.concatMapIterable((batch) -> batch)
				.flatMap((message) -> {
					received.add(message.bodyAsText());
					return message.ack();
				}))
			.sequential()
			.blockLast(TIMEOUT);
		consumer.flush().block(TIMEOUT);

		assertThat(received).hasSize(messages);
		assertThat(queue.acknowledged()).hasSize(messages);
		assertThat(requests("POST", "/consumers")).hasSize(1);
		assertThat(this.setupLog.lines()).hasSize(1);
	}

	@Test
	void theLookupOfAnUnknownNameNamesTheQueuesThatExist() {
		this.emulator.createQueue(ACCOUNT, TestPublishers.QUEUE, "orders");

		StepVerifier.create(admin().queueId("ordres"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueNotFoundException.class)
				.hasMessageContaining("its queues are 'orders'"));
	}

}
