package io.github.cfqueues.client.internal.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.LogCapture;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.TestClock;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.listener.AcknowledgementMode;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.ConsumerSettings;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.RecordedRequest;
import io.github.cfqueues.emulator.RetriedMessage;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A listener's container against the emulator: what it acknowledges and retries, how it backs off, how many
 * messages it handles at once, and how it stops.
 */
class ListenerContainerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	final LogCapture log = LogCapture.of("io.github.cfqueues.client.internal.listener", "WARN");

	private final TestClock clock = new TestClock();

	private final List<PollingListenerContainer> containers = new ArrayList<>();

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
	void stopEverything() {
		this.containers.forEach(PollingListenerContainer::stop);
		this.emulator.stop();
	}

	private TestPublishers server() {
		return TestPublishers.at("http://127.0.0.1:" + this.emulator.port());
	}

	private void push(int count) {
		List<QueueMessage> messages = IntStream.range(0, count).mapToObj((i) -> QueueMessage.text("m" + i)).toList();
		server().build().pushBatch(messages).block(TIMEOUT);
	}

	private static ListenerSettings.Builder fast() {
		return ListenerSettings.builder()
			.idleInterval(Duration.ofMillis(20), Duration.ofMillis(100))
			.retryBackoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30))
			.stopTimeout(Duration.ofSeconds(10));
	}

	private PollingListenerContainer start(QueueListenerEndpoint endpoint, ListenerSettings settings,
			QueueConsumerOptions options) {
		return start(endpoint, settings, options, Schedulers.parallel());
	}

	private PollingListenerContainer start(QueueListenerEndpoint endpoint, ListenerSettings settings,
			QueueConsumerOptions options, Scheduler timer) {
		QueueConsumer consumer = server().consumer(options);
		PollingListenerContainer container = new PollingListenerContainer(endpoint, consumer, settings, timer,
				this.clock);
		this.containers.add(container);
		container.start();
		return container;
	}

	private PollingListenerContainer start(QueueListenerEndpoint endpoint, ListenerSettings settings) {
		return start(endpoint, settings, QueueConsumerOptions.builder().ackMaxWait(Duration.ofMillis(5)).build());
	}

	private static QueueListenerEndpoint listener(java.util.function.Function<ReceivedMessage, Mono<Void>> handler) {
		return QueueListenerEndpoint.of("orders-listener", "orders", handler::apply, null);
	}

	@Test
	void handledMessagesAreAcknowledged() {
		push(30);
		Set<String> handled = ConcurrentHashMap.newKeySet();
		start(listener((message) -> Mono.fromRunnable(() -> handled.add(message.bodyAsText()))), fast().build());

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 30);
		assertThat(handled).hasSize(30);
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void aFailedMessageIsRetriedAfterTheConfiguredDelayAndAcknowledgedWhenItSucceeds() {
		push(1);
		List<Integer> attempts = new CopyOnWriteArrayList<>();
		start(listener((message) -> {
			attempts.add(message.attempts());
			return (message.attempts() == 1) ? Mono.error(new IllegalStateException("not yet")) : Mono.empty();
		}), fast().build());

		await().atMost(TIMEOUT).until(() -> !this.queue.retried().isEmpty());
		assertThat(this.queue.retried()).extracting(RetriedMessage::delay).containsExactly(Duration.ofSeconds(2));
		this.clock.advance(Duration.ofSeconds(2));
		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1);
		assertThat(attempts).containsExactly(1, 2);
		assertThat(this.log.text()).contains("failed on message", "(attempt 1); it is retried in PT2S",
				"java.lang.IllegalStateException: not yet");
	}

	@Test
	void retryDelaysGrowWithEachDeliveryUpToTheCap() {
		ListenerSettings settings = fast().retryBackoff(Duration.ofSeconds(3), 2.0, Duration.ofSeconds(10)).build();

		assertThat(List.of(1, 2, 3, 4, 30).stream().map(settings::retryDelay).toList()).containsExactly(
				Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(10), Duration.ofSeconds(10),
				Duration.ofSeconds(10));
	}

	@Test
	void aMessageLeftUnsettledComesBackAfterItsLease() {
		push(1);
		List<Integer> attempts = new CopyOnWriteArrayList<>();
		start(listener((message) -> Mono.fromRunnable(() -> attempts.add(message.attempts()))),
				fast().acknowledgementMode(AcknowledgementMode.MANUAL).build(),
				QueueConsumerOptions.builder().visibilityTimeout(Duration.ofSeconds(10)).build());

		await().atMost(TIMEOUT).until(() -> attempts.size() == 1);
		this.clock.advance(Duration.ofSeconds(11));

		await().atMost(TIMEOUT).until(() -> attempts.size() == 2);
		assertThat(attempts).containsExactly(1, 2);
		assertThat(this.queue.acknowledged()).isEmpty();
	}

	@Test
	void aMessageThatFailsOnItsLastDeliveryIsLoggedOnceCountedAndDeadLettered() {
		this.emulator.createQueue(TestPublishers.ACCOUNT, "deadletters000000000000000000000", "orders-dlq");
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(1).withDeadLetterQueue("orders-dlq"));
		push(1);
		PollingListenerContainer container = start(listener((message) -> Mono.error(new IllegalStateException("bad"))),
				fast().maxRetries(1).retryBackoff(Duration.ZERO, 1.0, Duration.ZERO).build());

		await().atMost(TIMEOUT).until(() -> this.queue.deadLettered().size() == 1);
		assertThat(container.lastDeliveryFailures()).isOne();
		assertThat(this.log.lines()).filteredOn((line) -> line.contains("on its last delivery (attempt 2, "
				+ "max-retries 1); Cloudflare now dead-letters or drops it")).hasSize(1);
	}

	@Test
	void noMoreMessagesAreHandledAtOnceThanTheConcurrencyAllowsAndEachIsHandledOnce() throws Exception {
		push(200);
		AtomicInteger current = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		Map<String, Integer> handled = new ConcurrentHashMap<>();
		start(listener((message) -> Mono.fromRunnable(() -> {
			most.accumulateAndGet(current.incrementAndGet(), Math::max);
			sleep(3);
			handled.merge(message.bodyAsText(), 1, Integer::sum);
			current.decrementAndGet();
		})), fast().concurrency(4).build());

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 200);
		assertThat(most.get()).isEqualTo(4);
		assertThat(handled).hasSize(200).allSatisfy((body, times) -> assertThat(times).isOne());
		List<Integer> pullSizes = this.emulator.requests().stream()
			.filter((request) -> request.path().endsWith("/messages/pull"))
			.map((request) -> Integer.valueOf(request.body().replaceAll(".*\"batch_size\":(\\d+).*", "$1")))
			.toList();
		assertThat(pullSizes).allSatisfy((size) -> assertThat(size).isBetween(1, 4));
	}

	@Test
	void slotsFreedOneByOneDoNotEachCostAPullAndAFullPullIsFollowedByOverlappingOnes() throws Exception {
		push(600);
		AtomicInteger current = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		start(listener((message) -> Mono.fromRunnable(() -> {
			most.accumulateAndGet(current.incrementAndGet(), Math::max);
			current.decrementAndGet();
		})), fast().concurrency(40).build(),
				QueueConsumerOptions.builder().batchSize(10).ackMaxWait(Duration.ofMillis(5)).build());

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 600);
		List<Integer> pullSizes = this.emulator.requests().stream()
			.filter((request) -> request.path().endsWith("/messages/pull"))
			.map((request) -> Integer.valueOf(request.body().replaceAll(".*\"batch_size\":(\\d+).*", "$1")))
			.toList();
		assertThat(pullSizes).as("no pull asks for fewer than half a full pull").allSatisfy((size) -> assertThat(size)
			.isBetween(5, 10));
		assertThat(pullSizes.size()).as("pulls for 600 messages in pulls of 5 to 10, plus the empty ones at the end")
			.isLessThanOrEqualTo(600 / 5 + 10);
		assertThat(most.get()).isLessThanOrEqualTo(40);
	}

	@Test
	void stoppingWaitsForTheHandlersInFlightAndAcknowledgesNothingUnfinished() throws Exception {
		push(8);
		CountDownLatch release = new CountDownLatch(1);
		Set<String> finished = ConcurrentHashMap.newKeySet();
		AtomicInteger started = new AtomicInteger();
		PollingListenerContainer container = start(listener((message) -> Mono.fromRunnable(() -> {
			started.incrementAndGet();
			waitFor(release);
			finished.add(message.id());
		})), fast().concurrency(3).build());
		await().atMost(TIMEOUT).until(() -> started.get() == 3);
		assertThat(this.queue.acknowledged()).isEmpty();

		CompletableFuture<Void> stopped = CompletableFuture.runAsync(container::stop);
		Thread.sleep(200);
		assertThat(stopped).isNotDone();
		assertThat(this.queue.acknowledged()).isEmpty();
		release.countDown();
		stopped.get(10, TimeUnit.SECONDS);

		assertThat(container.isRunning()).isFalse();
		assertThat(finished).hasSize(3);
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::id).containsExactlyInAnyOrderElementsOf(finished);
		assertThat(this.queue.messages()).hasSize(5);
	}

	@Test
	void startingAndStoppingOverAndOverLosesNothingAndAcknowledgesEachMessageOnce() throws Exception {
		push(300);
		Set<String> handled = ConcurrentHashMap.newKeySet();
		PollingListenerContainer container = start(listener((message) -> Mono.fromRunnable(() -> {
			sleep(1);
			handled.add(message.id());
		})), fast().concurrency(8).build(), QueueConsumerOptions.builder()
			.ackMaxWait(Duration.ofMillis(5))
			.visibilityTimeout(Duration.ofMinutes(30))
			.build());
		for (int cycle = 0; cycle < 20 && this.queue.acknowledged().size() < 300; cycle++) {
			Thread.sleep(30);
			container.stop();
			container.start();
		}

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 300);
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::id).doesNotHaveDuplicates();
		assertThat(handled).hasSize(300);
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void anEmptyQueueIsPulledLessAndLessOftenAndAMessageIsStillPickedUp() throws Exception {
		start(listener((message) -> Mono.empty()),
				fast().idleInterval(Duration.ofMillis(50), Duration.ofMillis(400)).build());
		Thread.sleep(2_000);
		long pulls = pulls();

		push(1);
		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1);
		assertThat(pulls).isBetween(4L, 16L);
	}

	private long pulls() {
		return this.emulator.requests().stream().map(RecordedRequest::path)
			.filter((path) -> path.endsWith("/messages/pull"))
			.count();
	}

	@Test
	void refusedCredentialsFailTheStartOrWarnOnceByTheSettings() {
		QueueConsumer refused = TestPublishers.at("http://127.0.0.1:" + this.emulator.port())
			.credentials(CloudflareCredentials.apiToken("wrong-token"))
			.consumer(QueueConsumerOptions.DEFAULTS);
		PollingListenerContainer failing = new PollingListenerContainer(listener((message) -> Mono.empty()), refused,
				fast().build());
		PollingListenerContainer warning = new PollingListenerContainer(listener((message) -> Mono.empty()), refused,
				fast().startupFailure(ListenerSettings.StartupFailure.WARN).build());

		assertThatIllegalStateException().isThrownBy(failing::start)
			.withMessageContaining("Queue listener 'orders-listener' cannot pull from queue 'orders'")
			.withMessageContaining("refused the credentials");
		warning.start();

		assertThat(failing.isRunning()).isFalse();
		assertThat(warning.isRunning()).isFalse();
		assertThat(this.log.lines()).filteredOn((line) -> line.contains("it stays stopped")).hasSize(1);
		assertThat(pulls()).isEqualTo(2);
	}

	@Test
	void aQueueWithoutHttpPullFailsTheStartSayingHowToEnableIt() {
		this.queue.removeConsumer();
		PollingListenerContainer container = new PollingListenerContainer(listener((message) -> Mono.empty()),
				server().consumer(QueueConsumerOptions.DEFAULTS), fast().build());

		assertThatIllegalStateException().isThrownBy(container::start)
			.withMessageContaining("Queue listener 'orders-listener' cannot pull from queue 'orders'")
			.withMessageContaining("HTTP pull may not be enabled on this queue");
		assertThat(container.isRunning()).isFalse();
	}

	@Test
	void aPausedQueueDoesNotFailTheStartAndIsPulledOnceItResumes() throws Exception {
		this.queue.updateSettings(this.queue.settings().withDeliveryPaused(true));
		push(1);
		CountDownLatch handled = new CountDownLatch(1);
		PollingListenerContainer container = start(listener((message) -> Mono.fromRunnable(handled::countDown)),
				fast().build());

		assertThat(container.isRunning()).isTrue();
		this.queue.updateSettings(this.queue.settings().withDeliveryPaused(false));
		assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aHandlerThatOutlivesItsLeaseIsReported() {
		push(1);
		QueueConsumer consumer = server().consumer(QueueConsumerOptions.builder()
			.visibilityTimeout(Duration.ofMillis(1))
			.build());
		PollingListenerContainer container = new PollingListenerContainer(
				listener((message) -> Mono.fromRunnable(() -> sleep(50))), consumer, fast().build(),
				Schedulers.parallel(), java.time.Clock.systemUTC());
		this.containers.add(container);
		container.start();

		await().atMost(TIMEOUT).until(() -> container.leaseOverruns() == 1);
		assertThat(this.log.text()).contains("handled message", "past its lease", "raise consumer.visibility-timeout");
	}

	@Test
	void inAlwaysModeAMessageWhoseHandlerFailedIsAcknowledgedNotRetried() {
		push(1);
		start(listener((message) -> Mono.error(new IllegalStateException("lost cause"))),
				fast().acknowledgementMode(AcknowledgementMode.ALWAYS).build());

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1);
		assertThat(this.queue.retried()).isEmpty();
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.log.text()).contains("failed on message(s)", "java.lang.IllegalStateException: lost cause");
	}

	@Test
	void aMessageThatCannotBeReadOnItsLastDeliveryIsLoggedOnceCountedAndDeadLettered() {
		this.emulator.createQueue(TestPublishers.ACCOUNT, "deadletters000000000000000000000", "orders-dlq");
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(1).withDeadLetterQueue("orders-dlq"));
		push(1);
		PollingListenerContainer container = start(listener((message) -> {
			message.bodyAs(Order.class);
			return Mono.empty();
		}), fast().maxRetries(1).retryBackoff(Duration.ZERO, 1.0, Duration.ZERO).build());

		await().atMost(TIMEOUT).until(() -> this.queue.deadLettered().size() == 1);
		assertThat(container.lastDeliveryFailures()).isOne();
		assertThat(this.log.lines())
			.filteredOn((line) -> line.contains("cannot read message") && line.contains("it is retried in PT0S"))
			.hasSize(1);
		assertThat(this.log.lines()).filteredOn((line) -> line.contains("on its last delivery (attempt 2, "
				+ "max-retries 1); Cloudflare now dead-letters or drops it: Message "))
			.singleElement()
			.asString()
			.contains("cannot read message", "could not be read as " + Order.class.getName());
	}

	@Test
	void handlersRunOnTheGivenExecutorAtMostConcurrencyAtOnceAndTheExecutorOutlivesTheContainer() throws Exception {
		push(40);
		AtomicInteger threadCount = new AtomicInteger();
		ExecutorService given = Executors.newFixedThreadPool(8,
				(runnable) -> new Thread(runnable, "given-executor-" + threadCount.incrementAndGet()));
		try {
			Set<String> threads = ConcurrentHashMap.newKeySet();
			AtomicInteger current = new AtomicInteger();
			AtomicInteger most = new AtomicInteger();
			PollingListenerContainer container = start(listener((message) -> Mono.fromRunnable(() -> {
				threads.add(Thread.currentThread().getName());
				most.accumulateAndGet(current.incrementAndGet(), Math::max);
				sleep(3);
				current.decrementAndGet();
			})), fast().concurrency(3).handlerExecutor(given).build());

			await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 40);
			container.stop();
			assertThat(threads).isNotEmpty().allSatisfy((name) -> assertThat(name).startsWith("given-executor-"));
			assertThat(most.get()).isBetween(1, 3);
			assertThat(given.isShutdown()).isFalse();
			assertThat(given.submit(() -> "still running").get(10, TimeUnit.SECONDS)).isEqualTo("still running");
		}
		finally {
			given.shutdownNow();
		}
	}

	@Test
	void aRestartAfterAStopThatTimedOutLeavesTheSlotsOfTheHandlersStillRunningToThem() throws Exception {
		push(6);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger current = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger started = new AtomicInteger();
		PollingListenerContainer container = start(listener((message) -> Mono.fromRunnable(() -> {
			most.accumulateAndGet(current.incrementAndGet(), Math::max);
			started.incrementAndGet();
			waitFor(release);
			current.decrementAndGet();
		})), fast().concurrency(2).stopTimeout(Duration.ofMillis(200)).build());
		await().atMost(TIMEOUT).until(() -> started.get() == 2);
		container.stop();
		assertThat(this.log.text()).contains("2 handler(s) still running at the stop timeout");
		long pullsBeforeRestart = pulls();

		container.start();
		assertThat(container.isRunning()).isTrue();
		assertThat(pulls()).as("no pull while both slots are taken by the handlers the stop left running")
			.isEqualTo(pullsBeforeRestart);
		release.countDown();

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 6);
		assertThat(most.get()).isEqualTo(2);
	}

	@Test
	void aPullThatBringsMessagesResetsTheIdleWait() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		start(listener((message) -> Mono.empty()),
				fast().idleInterval(Duration.ofMillis(100), Duration.ofSeconds(10)).build(),
				QueueConsumerOptions.builder().ackMaxWait(Duration.ofMillis(5)).build(), time);
		await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() == 1);
		for (long wait = 100; wait <= 1600; wait *= 2) {
			pullAfter(time, Duration.ofMillis(wait));
		}
		push(1);

		pullAfter(time, Duration.ofMillis(3200));
		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1);
		pullAfter(time, Duration.ofMillis(100));
		pullAfter(time, Duration.ofMillis(200));
	}

	/**
	 * Lets virtual time pass and waits for the empty pull it lets happen, which schedules the wait after it.
	 */
	private void pullAfter(VirtualTimeScheduler time, Duration wait) {
		long scheduled = time.getScheduledTaskCount();
		time.advanceTimeBy(wait);
		await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() > scheduled);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Order(int id) {
	}

}
