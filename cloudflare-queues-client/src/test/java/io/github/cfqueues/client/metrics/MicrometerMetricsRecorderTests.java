package io.github.cfqueues.client.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.FlowControlSettings;
import io.github.cfqueues.client.FlowControlSettings.LimitBehavior;
import io.github.cfqueues.client.InstrumentedClients;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.PublisherOverloadedException;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.internal.publish.HeldAnswers;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerContainer;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.ConsumerSettings;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.Fault;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every meter, registered in a {@link SimpleMeterRegistry} by clients that publish, batch, consume and listen
 * against the emulator, each value what the scenario caused, and the meters registered exactly those the README's
 * table lists.
 */
class MicrometerMetricsRecorderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String JOBS = "j0b50000000000000000000000000001";

	private static final String OTHER_ACCOUNT = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

	private static final String PACED_ACCOUNT = "cccccccccccccccccccccccccccccccc";

	private static final List<QueueMessage> HUNDRED = IntStream.range(0, 100)
		.mapToObj((i) -> QueueMessage.text("h" + i))
		.toList();

	private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private static final List<CloudflareQueuesClient> clients = new ArrayList<>();

	private static CloudflareQueuesEmulator emulator;

	private static long listenerFailures;

	private static double heldMessages;

	private static double heldBytes;

	private static double waitingWhileFull;

	private static double permitsBeforePacing;

	@BeforeAll
	static void drive() throws Exception {
		emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.queue(TestPublishers.ACCOUNT, JOBS)
			.queue(PACED_ACCOUNT, TestPublishers.QUEUE)
			.start();
		emulator.queue(TestPublishers.ACCOUNT, JOBS)
			.orElseThrow()
			.configureConsumer(ConsumerSettings.defaults().withMaxRetries(0));
		publishAndConsume();
		batch();
		overflow();
		refuseLocally();
		pace();
		listen();
	}

	@AfterAll
	static void stop() {
		clients.forEach(CloudflareQueuesClient::close);
		emulator.stop();
	}

	private static CloudflareQueuesClient client(UnaryOperator<CloudflareQueuesClient.Builder> customizer) {
		CloudflareQueuesClient client = InstrumentedClients.on(emulator)
			.with((builder) -> builder.metricsRecorder(new MicrometerMetricsRecorder(registry)))
			.with(customizer)
			.build();
		clients.add(client);
		return client;
	}

	private static void publishAndConsume() {
		CloudflareQueuesClient client = client((builder) -> builder.rateLimitPacing(true)
			.rateLimit(new RateLimitSettings(100_000, Duration.ofMinutes(5), 10, 1.0, Duration.ofSeconds(5),
					Duration.ofSeconds(1)))
			.retry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0, Duration.ofSeconds(5))));
		QueuePublisher orders = client.publisher("orders", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
		orders.pushBatch(IntStream.range(0, 5).mapToObj((i) -> QueueMessage.text("m" + i)).toList()).block(TIMEOUT);
		orders.pushText("single").block(TIMEOUT);

		injectOnce(Fault.internalServerError());
		orders.pushText("retried").block(TIMEOUT);

		injectOnce(Fault.error(403, 10000, "Authentication error"));
		assertThatExceptionOfType(QueueAuthenticationException.class)
			.isThrownBy(() -> orders.pushText("refused").block(TIMEOUT));

		injectOnce(Fault.rateLimited(Duration.ofMillis(200)));
		orders.pushText("after a pause").block(TIMEOUT);

		QueueConsumer consumer = client.consumer("orders", TestPublishers.QUEUE, QueueConsumerOptions.DEFAULTS);
		List<ReceivedMessage> pulled = consumer.pull(10, Duration.ofSeconds(30)).block(TIMEOUT);
		Flux.fromIterable(pulled)
			.index()
			.flatMap((indexed) -> (indexed.getT1() < 5) ? indexed.getT2().ack() : indexed.getT2().retry())
			.then()
			.block(TIMEOUT);
	}

	private static void injectOnce(Fault fault) {
		AtomicInteger count = new AtomicInteger();
		emulator.setFaultInjector((request) -> (count.getAndIncrement() == 0) ? fault : Fault.none());
	}

	private static void batch() {
		CloudflareQueuesClient client = client((builder) -> builder);
		QueuePublisher byCount = client.publisher("counted", TestPublishers.QUEUE, QueuePublisherOptions.builder()
			.batching(new BatchingSettings(10, 256_000, Duration.ofHours(1), 1))
			.build());
		Mono<Void> pushes = Flux.range(0, 25).flatMap((i) -> byCount.pushText("c" + i), 25).then();
		Mono.when(pushes, Mono.delay(Duration.ofMillis(500)).then(byCount.flush())).block(TIMEOUT);

		QueuePublisher byBytes = client.publisher("sized", TestPublishers.QUEUE, QueuePublisherOptions.builder()
			.batching(new BatchingSettings(100, 1_000, Duration.ofHours(1), 1))
			.build());
		Flux.range(0, 2).flatMap((i) -> byBytes.pushText("b".repeat(400)), 2).then().block(TIMEOUT);

		QueuePublisher byTime = client.publisher("timed", TestPublishers.QUEUE, QueuePublisherOptions.builder()
			.batching(new BatchingSettings(100, 256_000, Duration.ofMillis(10), 1))
			.build());
		byTime.pushText("alone").block(TIMEOUT);
	}

	private static void overflow() {
		HeldAnswers held = new HeldAnswers();
		emulator.setFaultInjector(held);
		List<Mono<?>> inFlight = new ArrayList<>();
		try {
			QueuePublisher full = flowControlled(LimitBehavior.FAIL, 0, Duration.ofSeconds(1)).publisher("full",
					TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
			inFlight.add(holdHundred(full, held, 1));
			heldMessages = gauge(CloudflareQueuesMeters.FLOW_OUTSTANDING_MESSAGES, "full");
			heldBytes = gauge(CloudflareQueuesMeters.FLOW_OUTSTANDING_BYTES, "full");
			assertThatExceptionOfType(PublisherOverloadedException.class)
				.isThrownBy(() -> full.pushText("no room").block(TIMEOUT));

			QueuePublisher waiting = flowControlled(LimitBehavior.WAIT, 1, Duration.ofHours(1)).publisher("waiting",
					TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
			inFlight.add(holdHundred(waiting, held, 2));
			Mono<?> waits = waiting.pushText("waits").cache();
			waits.subscribe();
			inFlight.add(waits);
			// Subscribing admits or queues the push on this thread: it waits now.
			waitingWhileFull = gauge(CloudflareQueuesMeters.FLOW_WAITING, "waiting");
			assertThatExceptionOfType(PublisherOverloadedException.class)
				.isThrownBy(() -> waiting.pushText("one too many").block(TIMEOUT))
				.withMessageContaining("flow-control.max-waiting");

			QueuePublisher impatient = flowControlled(LimitBehavior.WAIT, 10, Duration.ofMillis(100))
				.publisher("impatient", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
			inFlight.add(holdHundred(impatient, held, 3));
			assertThatExceptionOfType(PublisherOverloadedException.class)
				.isThrownBy(() -> impatient.pushText("gave up").block(TIMEOUT))
				.withMessageContaining("flow-control.max-wait");
		}
		finally {
			held.release();
		}
		Mono.when(inFlight).block(TIMEOUT);
		emulator.setFaultInjector((request) -> Fault.none());
	}

	private static CloudflareQueuesClient flowControlled(LimitBehavior behavior, int maxWaiting, Duration maxWait) {
		return client((builder) -> builder
			.flowControl(new FlowControlSettings(100, 256_000, behavior, maxWaiting, maxWait)));
	}

	/**
	 * Pushes a batch of 100 messages, as many as the publisher may hold, and returns once the emulator holds their
	 * request.
	 */
	private static Mono<?> holdHundred(QueuePublisher publisher, HeldAnswers held, int requestsHeld) {
		Mono<?> batch = publisher.pushBatch(HUNDRED).cache();
		batch.subscribe();
		await().until(() -> held.arrived() == requestsHeld);
		return batch;
	}

	private static void refuseLocally() {
		CloudflareQueuesClient client = client((builder) -> builder
			.account(OTHER_ACCOUNT, CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.rateLimitPacing(true)
			.rateLimit(new RateLimitSettings(2, Duration.ofHours(1), 1, 1.0, Duration.ofMillis(10),
					Duration.ofSeconds(1))));
		QueuePublisher elsewhere = client.publisher("elsewhere", TestPublishers.QUEUE,
				QueuePublisherOptions.builder().accountId(OTHER_ACCOUNT).build());
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> elsewhere.pushText("one").block(TIMEOUT));
		assertThatExceptionOfType(QueueRateLimitedException.class)
			.isThrownBy(() -> elsewhere.pushText("two").block(TIMEOUT))
			.satisfies((refused) -> assertThat(refused.isLocal()).isTrue());
	}

	private static void pace() {
		CloudflareQueuesClient client = client((builder) -> builder
			.account(PACED_ACCOUNT, CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.rateLimitPacing(true)
			.rateLimit(new RateLimitSettings(20, Duration.ofHours(10), 10, 1.0, Duration.ofSeconds(5),
					Duration.ofSeconds(1))));
		QueuePublisher paced = client.publisher("paced", TestPublishers.QUEUE,
				QueuePublisherOptions.builder().accountId(PACED_ACCOUNT).build());
		permitsBeforePacing = permits(PACED_ACCOUNT);
		for (int i = 0; i < 3; i++) {
			paced.pushText("paced " + i).block(TIMEOUT);
		}
	}

	private static void listen() {
		CloudflareQueuesClient client = client((builder) -> builder);
		client.publisher("jobs", JOBS, QueuePublisherOptions.DEFAULTS).pushText("doomed").block(TIMEOUT);
		QueueListenerContainer container = InstrumentedClients.container(client, JOBS,
				QueueListenerEndpoint.of("worker.run", "jobs", (message) -> Mono.delay(Duration.ofMillis(300))
					.then(Mono.error(new IllegalStateException("cannot"))), null),
				ListenerSettings.builder().maxRetries(0).build(),
				QueueConsumerOptions.builder().batchSize(1).visibilityTimeout(Duration.ofMillis(100)).build());
		container.start();
		try {
			await().untilAsserted(() -> assertThat(registry.find(CloudflareQueuesMeters.LISTENER_DEAD_LETTERED)
				.counter()).isNotNull());
			listenerFailures = (long) registry.get(CloudflareQueuesMeters.LISTENER_HANDLING).timer().count();
		}
		finally {
			container.stop();
		}
	}

	private static double gauge(String name, String queue) {
		return registry.get(name).tag(CloudflareQueuesMeters.QUEUE_TAG, queue).gauge().value();
	}

	private static double permits(String account) {
		return registry.get(CloudflareQueuesMeters.RATE_LIMIT_PERMITS)
			.tag(CloudflareQueuesMeters.ACCOUNT_TAG, account)
			.gauge()
			.value();
	}

	private static double count(String name, String... tags) {
		return registry.get(name).tags(tags).counter().count();
	}

	@Test
	void theBacklogIsWhatCloudflareLastReported() {
		EmulatedQueue queue = emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE).orElseThrow();
		assertThat(gauge(CloudflareQueuesMeters.BACKLOG_MESSAGES, "timed")).isPositive()
			.isLessThanOrEqualTo(queue.received().size());
		assertThat(gauge(CloudflareQueuesMeters.BACKLOG_BYTES, "timed")).isPositive();
		assertThat(registry.get(CloudflareQueuesMeters.BACKLOG_OLDEST_AGE)
			.tag(CloudflareQueuesMeters.QUEUE_TAG, "timed")
			.timeGauge()
			.value()).isNotNaN().isNotNegative();
		assertThat(gauge(CloudflareQueuesMeters.BACKLOG_MESSAGES, "jobs")).isNotNaN();
	}

	@Test
	void pushesFailuresAndRetriesAreCountedByQueueOperationAndCause() {
		assertThat(count(CloudflareQueuesMeters.MESSAGES_PUSHED, CloudflareQueuesMeters.QUEUE_TAG, "orders"))
			.isEqualTo(5 + 1 + 1 + 1);
		assertThat(count(CloudflareQueuesMeters.MESSAGES_FAILED, CloudflareQueuesMeters.QUEUE_TAG, "orders",
				CloudflareQueuesMeters.OPERATION_TAG, "push", CloudflareQueuesMeters.ERROR_TYPE_TAG,
				"QueueAuthenticationException")).isEqualTo(1);
		assertThat(count(CloudflareQueuesMeters.REQUEST_RETRIES, CloudflareQueuesMeters.QUEUE_TAG, "orders",
				CloudflareQueuesMeters.OPERATION_TAG, "push", CloudflareQueuesMeters.ERROR_TYPE_TAG,
				"QueueServerException")).isEqualTo(1);
		assertThat(count(CloudflareQueuesMeters.REQUEST_RETRIES, CloudflareQueuesMeters.QUEUE_TAG, "orders",
				CloudflareQueuesMeters.OPERATION_TAG, "push", CloudflareQueuesMeters.ERROR_TYPE_TAG,
				"QueueRateLimitedException")).isEqualTo(1);
	}

	@Test
	void flowControlShowsWhatAPublisherHoldsAndCountsItsRefusals() {
		long hundredBytes = IntStream.range(0, 100).map((i) -> ("h" + i).length() + 100).sum();
		assertThat(heldMessages).isEqualTo(100);
		assertThat(heldBytes).isEqualTo(hundredBytes);
		assertThat(waitingWhileFull).isEqualTo(1);
		for (String queue : List.of("full", "waiting", "impatient")) {
			assertThat(gauge(CloudflareQueuesMeters.FLOW_OUTSTANDING_MESSAGES, queue)).isZero();
			assertThat(gauge(CloudflareQueuesMeters.FLOW_OUTSTANDING_BYTES, queue)).isZero();
			assertThat(gauge(CloudflareQueuesMeters.FLOW_WAITING, queue)).isZero();
		}
		assertThat(count(CloudflareQueuesMeters.FLOW_REJECTIONS, CloudflareQueuesMeters.QUEUE_TAG, "full",
				CloudflareQueuesMeters.REASON_TAG, CloudflareQueuesMeters.FLOW_FULL)).isEqualTo(1);
		assertThat(count(CloudflareQueuesMeters.FLOW_REJECTIONS, CloudflareQueuesMeters.QUEUE_TAG, "waiting",
				CloudflareQueuesMeters.REASON_TAG, CloudflareQueuesMeters.FLOW_MAX_WAITING)).isEqualTo(1);
		assertThat(count(CloudflareQueuesMeters.FLOW_REJECTIONS, CloudflareQueuesMeters.QUEUE_TAG, "impatient",
				CloudflareQueuesMeters.REASON_TAG, CloudflareQueuesMeters.FLOW_MAX_WAIT)).isEqualTo(1);
		assertThat(registry.find(CloudflareQueuesMeters.FLOW_REJECTIONS).counters()).hasSize(3);
		for (String queue : List.of("full", "waiting", "impatient")) {
			assertThat(count(CloudflareQueuesMeters.MESSAGES_FAILED, CloudflareQueuesMeters.QUEUE_TAG, queue,
					CloudflareQueuesMeters.OPERATION_TAG, "push", CloudflareQueuesMeters.ERROR_TYPE_TAG,
					"PublisherOverloadedException")).isEqualTo(1);
		}
		assertThat(count(CloudflareQueuesMeters.MESSAGES_PUSHED, CloudflareQueuesMeters.QUEUE_TAG, "waiting"))
			.isEqualTo(101);
	}

	@Test
	void theLimiterShowsItsPermitsWaitsPausesAndLocalRefusals() {
		assertThat(permitsBeforePacing).isEqualTo(10);
		assertThat(permits(PACED_ACCOUNT)).isEqualTo(10 - 3);
		assertThat(registry.get(CloudflareQueuesMeters.RATE_LIMIT_WAIT)
			.tag(CloudflareQueuesMeters.ACCOUNT_TAG, TestPublishers.ACCOUNT)
			.timer()
			.count()).isGreaterThanOrEqualTo(5);
		assertThat(registry.get(CloudflareQueuesMeters.RATE_LIMIT_PAUSES)
			.tag(CloudflareQueuesMeters.ACCOUNT_TAG, TestPublishers.ACCOUNT)
			.functionCounter()
			.count()).isEqualTo(1);
		assertThat(count(CloudflareQueuesMeters.RATE_LIMIT_REFUSALS, CloudflareQueuesMeters.ACCOUNT_TAG,
				OTHER_ACCOUNT)).isEqualTo(1);
	}

	@Test
	void eachBatchIsRecordedWithItsSizeAndWhyItLeft() {
		assertThat(registry.get(CloudflareQueuesMeters.BATCH_SIZE)
			.tags(CloudflareQueuesMeters.QUEUE_TAG, "counted", CloudflareQueuesMeters.REASON_TAG,
					CloudflareQueuesMeters.BATCH_COUNT)
			.summary()
			.totalAmount()).isEqualTo(20);
		assertThat(registry.get(CloudflareQueuesMeters.BATCH_SIZE)
			.tags(CloudflareQueuesMeters.QUEUE_TAG, "counted", CloudflareQueuesMeters.REASON_TAG,
					CloudflareQueuesMeters.BATCH_FLUSH)
			.summary()
			.totalAmount()).isEqualTo(5);
		assertThat(registry.get(CloudflareQueuesMeters.BATCH_SIZE)
			.tags(CloudflareQueuesMeters.QUEUE_TAG, "sized", CloudflareQueuesMeters.REASON_TAG,
					CloudflareQueuesMeters.BATCH_BYTES)
			.summary()
			.count()).isEqualTo(1);
		assertThat(registry.get(CloudflareQueuesMeters.BATCH_SIZE)
			.tags(CloudflareQueuesMeters.QUEUE_TAG, "timed", CloudflareQueuesMeters.REASON_TAG,
					CloudflareQueuesMeters.BATCH_TIME)
			.summary()
			.totalAmount()).isEqualTo(1);
	}

	@Test
	void pullsAndConfirmedSettlementsAreCounted() {
		assertThat(count(CloudflareQueuesMeters.MESSAGES_PULLED, CloudflareQueuesMeters.QUEUE_TAG, "orders"))
			.isEqualTo(8);
		assertThat(count(CloudflareQueuesMeters.MESSAGES_ACKED, CloudflareQueuesMeters.QUEUE_TAG, "orders"))
			.isEqualTo(5);
		assertThat(count(CloudflareQueuesMeters.MESSAGES_RETRIED, CloudflareQueuesMeters.QUEUE_TAG, "orders"))
			.isEqualTo(3);
	}

	@Test
	void aListenerRecordsItsHandlingLastDeliveriesAndLeaseOverruns() {
		assertThat(listenerFailures).isPositive();
		assertThat(registry.get(CloudflareQueuesMeters.LISTENER_HANDLING)
			.tags(CloudflareQueuesMeters.QUEUE_TAG, "jobs", CloudflareQueuesMeters.LISTENER_TAG, "worker.run",
					CloudflareQueuesMeters.ERROR_TYPE_TAG, "IllegalStateException")
			.timer()
			.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
		assertThat(count(CloudflareQueuesMeters.LISTENER_DEAD_LETTERED, CloudflareQueuesMeters.QUEUE_TAG, "jobs",
				CloudflareQueuesMeters.LISTENER_TAG, "worker.run")).isPositive();
		assertThat(count(CloudflareQueuesMeters.LISTENER_LEASE_OVERRUNS, CloudflareQueuesMeters.QUEUE_TAG, "jobs",
				CloudflareQueuesMeters.LISTENER_TAG, "worker.run")).isPositive();
	}

	@Test
	void theReadmeListsExactlyTheMetersRegisteredWithTheirTypesAndTags() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		String section = readme.substring(readme.indexOf("### Meters"));
		section = section.substring(0, section.indexOf("\n#", 1));
		Matcher rows = Pattern.compile("(?m)^\\| `(cloudflare\\.queues\\.[a-z.]+)` \\| ([^|]+) \\| ([^|]+) \\|")
			.matcher(section);
		Map<String, Set<String>> documentedTypes = new TreeMap<>();
		Map<String, Set<Set<String>>> documentedTags = new TreeMap<>();
		Map<String, Set<String>> documentedValues = new TreeMap<>();
		while (rows.find()) {
			String name = rows.group(1);
			documentedTypes.put(name, Set.of(rows.group(2).trim()));
			Map<String, Set<String>> tags = documentedTags(rows.group(3));
			documentedTags.put(name, Set.of(tags.keySet()));
			tags.forEach((key, values) -> {
				if (!values.isEmpty()) {
					documentedValues.put(name + " " + key, values);
				}
			});
		}
		Map<String, Set<String>> registeredTypes = new TreeMap<>();
		Map<String, Set<Set<String>>> registeredTags = new TreeMap<>();
		Map<String, Set<String>> registeredValues = new TreeMap<>();
		for (Meter meter : registry.getMeters()) {
			Meter.Id id = meter.getId();
			registeredTypes.computeIfAbsent(id.getName(), (name) -> new TreeSet<>()).add(type(meter));
			Set<String> keys = id.getTags().stream().map(Tag::getKey).collect(Collectors.toCollection(TreeSet::new));
			registeredTags.computeIfAbsent(id.getName(), (name) -> new HashSet<>()).add(keys);
			String documented = id.getName() + " " + CloudflareQueuesMeters.REASON_TAG;
			if (id.getTag(CloudflareQueuesMeters.REASON_TAG) != null) {
				registeredValues.computeIfAbsent(documented, (name) -> new TreeSet<>())
					.add(id.getTag(CloudflareQueuesMeters.REASON_TAG));
			}
		}
		assertThat(documentedTypes.keySet()).isEqualTo(registeredTypes.keySet());
		assertThat(documentedTypes).isEqualTo(registeredTypes);
		assertThat(documentedTags).isEqualTo(registeredTags);
		assertThat(documentedValues).isEqualTo(registeredValues);
	}

	/**
	 * The tag keys of a row of the README's table, each with the values listed in parentheses after it: {@code queue}
	 * and {@code account} stand for their tag keys, other keys are quoted as they are.
	 */
	private static Map<String, Set<String>> documentedTags(String column) {
		Map<String, Set<String>> tags = new TreeMap<>();
		Matcher tag = Pattern.compile("`?([a-z._]+)`?(?: \\(([^)]*)\\))?").matcher(column);
		while (tag.find()) {
			String key = switch (tag.group(1)) {
				case "queue" -> CloudflareQueuesMeters.QUEUE_TAG;
				case "account" -> CloudflareQueuesMeters.ACCOUNT_TAG;
				default -> tag.group(1);
			};
			Set<String> values = new TreeSet<>();
			if (tag.group(2) != null) {
				for (String value : tag.group(2).split(",")) {
					values.add(value.trim().replace("`", ""));
				}
			}
			tags.put(key, values);
		}
		return tags;
	}

	/**
	 * The kind of meter, in the README's words.
	 */
	private static String type(Meter meter) {
		if (meter instanceof TimeGauge) {
			return "time gauge";
		}
		if (meter instanceof FunctionCounter) {
			return "function counter";
		}
		return switch (meter.getId().getType()) {
			case COUNTER -> "counter";
			case GAUGE -> "gauge";
			case TIMER -> "timer";
			case DISTRIBUTION_SUMMARY -> "distribution summary";
			case LONG_TASK_TIMER -> "long task timer";
			case OTHER -> "other";
		};
	}

	@Test
	void closingAClientRemovesItsMetersAndLateEventsRegisterNone() {
		SimpleMeterRegistry own = new SimpleMeterRegistry();
		MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(own);
		CloudflareQueuesClient client = InstrumentedClients.on(emulator)
			.with((builder) -> builder.metricsRecorder(recorder))
			.build();
		client.publisher("short-lived", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS)
			.pushText("x")
			.block(TIMEOUT);
		assertThat(own.find(CloudflareQueuesMeters.MESSAGES_PUSHED).tags(Tags.of(CloudflareQueuesMeters.QUEUE_TAG,
				"short-lived")).counter()).isNotNull();

		client.close();
		recorder.pushed("short-lived", 1);
		recorder.batchSent("short-lived", 3, CloudflareQueuesMeters.BATCH_TIME);

		assertThat(own.getMeters()).isEmpty();
	}

}
