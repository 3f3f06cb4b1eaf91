package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.Faults;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.fastRetries;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.flowOf;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.sentBatches;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.storedBodies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under sustained load from many threads, with the default triggers (the next batch leaves as soon as the one in
 * flight is answered, before that batch's callers are told), every push is answered exactly once, every message is
 * stored exactly once, each thread's messages are stored in the order it pushed them, and the publisher ends holding
 * nothing. Some batches fail and are retried on the way.
 */
class BatchPipelineStressTests extends EmulatorBackedTests {

	private static final int THREADS = 8;

	private static final int PER_THREAD = 2_500;

	private static final int OUTSTANDING_PER_THREAD = 64;

	@Test
	void everyPushFromManyThreadsIsAnsweredOnceAndStoredOnceInEachThreadsOrder() throws Exception {
		this.emulator.setFaultInjector(Faults.everyNth(17, Fault.internalServerError()));
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(BatchingSettings.DEFAULTS.maxMessages(), BatchingSettings.DEFAULTS.maxBytes(),
					BatchingSettings.DEFAULTS.maxWait(), BatchingSettings.DEFAULTS.maxInFlight())
			.retry(fastRetries(10))
			.build();
		AtomicInteger answers = new AtomicInteger();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				done.add(threads.submit(() -> Flux.range(0, PER_THREAD)
					.flatMap((i) -> publisher.push(QueueMessage.text(thread + ":" + i)), OUTSTANDING_PER_THREAD)
					.doOnNext((answer) -> answers.incrementAndGet())
					.doOnError(failures::add)
					.blockLast(Duration.ofSeconds(60))));
			}
			for (Future<?> future : done) {
				future.get(90, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		publisher.flush().block(Duration.ofSeconds(10));

		assertThat(failures).isEmpty();
		assertThat(answers).hasValue(THREADS * PER_THREAD);
		List<String> stored = storedBodies(this.emulator);
		assertThat(stored).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates();
		Map<Integer, Integer> next = new HashMap<>();
		for (String body : stored) {
			int thread = Integer.parseInt(body.substring(0, body.indexOf(':')));
			int index = Integer.parseInt(body.substring(body.indexOf(':') + 1));
			assertThat(index).as("message %s stored in its thread's push order", body)
				.isEqualTo(next.getOrDefault(thread, 0));
			next.put(thread, index + 1);
		}
		assertThat(sentBatches(this.emulator)).allSatisfy((batch) -> assertThat(batch).hasSizeBetween(1, 100));
		assertThat(flowOf(publisher).outstandingMessages()).isZero();
		assertThat(flowOf(publisher).outstandingBytes()).isZero();
	}

}
