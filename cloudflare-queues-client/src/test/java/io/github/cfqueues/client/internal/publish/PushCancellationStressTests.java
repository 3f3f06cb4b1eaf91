package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.cfqueues.client.FlowControlSettings;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.internal.flow.FlowController;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.storedBodies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-message pushes from many threads through a small flow control, a third of them cancelled at random moments
 * (waiting for room, being admitted, in flight): every push that is not cancelled is answered exactly once, nothing
 * is stored that was not pushed, and the publisher ends holding no room at all, however the cancellations and the
 * admissions interleaved.
 */
class PushCancellationStressTests extends EmulatorBackedTests {

	private static final int THREADS = 8;

	private static final int PER_THREAD = 1_500;

	@Test
	void everyPushIsAnsweredOrWithdrawnAndAllRoomComesBack() throws Exception {
		TestPublishers server = TestPublishers.at("http://127.0.0.1:" + this.emulator.port())
			.requestTimeout(Duration.ofSeconds(30));
		QueueEndpoint endpoint = server.endpoint();
		FlowController flow = new FlowController(new FlowControlSettings(100, 64L * 1024 * 1024,
				FlowControlSettings.LimitBehavior.WAIT, 100_000, Duration.ofSeconds(60)), endpoint);
		DefaultQueuePublisher publisher = new DefaultQueuePublisher(new MessageEncoder(endpoint,
				QueuePublisherOptions.DEFAULTS, new JacksonBodySerializer(new JsonMapper())), server.sender(), flow);
		AtomicInteger answers = new AtomicInteger();
		Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
		AtomicInteger cancelled = new AtomicInteger();
		CountDownLatch kept = new CountDownLatch(THREADS * PER_THREAD);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				done.add(threads.submit(() -> {
					Random random = new Random(thread);
					for (int i = 0; i < PER_THREAD; i++) {
						AtomicInteger signals = new AtomicInteger();
						Disposable push = publisher.push(QueueMessage.text(thread + ":" + i)).subscribe((answer) -> {
							signals.incrementAndGet();
							answers.incrementAndGet();
						}, (error) -> {
							signals.incrementAndGet();
							errors.add(error);
							kept.countDown();
						}, () -> {
							assertThat(signals).hasValue(1);
							kept.countDown();
						});
						if (random.nextInt(3) == 0) {
							LockSupport.parkNanos(random.nextInt(2_000_000));
							push.dispose();
							if (signals.get() == 0) {
								cancelled.incrementAndGet();
								kept.countDown();
							}
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			assertThat(kept.await(60, TimeUnit.SECONDS)).as("every push not cancelled is answered").isTrue();
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(errors).isEmpty();
		assertThat(answers.get() + cancelled.get()).isGreaterThanOrEqualTo(THREADS * PER_THREAD);
		assertThat(cancelled).hasPositiveValue();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(flow.outstandingMessages()).isZero();
			assertThat(flow.outstandingBytes()).isZero();
			assertThat(flow.waiting()).isZero();
		});
		List<String> stored = storedBodies(this.emulator);
		assertThat(stored).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(answers.get())
			.hasSizeLessThanOrEqualTo(THREADS * PER_THREAD);
	}

}
