package io.github.cfqueues.client.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.InstrumentedClients;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.RecordedRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static io.github.cfqueues.client.observation.RecordingObservationHandler.high;
import static io.github.cfqueues.client.observation.RecordingObservationHandler.low;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of pushes from several threads at once, per message and auto-batched, some cancelled on the way: every
 * observation is stopped exactly once, and there is one per request the server saw, never one per batched message.
 */
class ObservationStressTests {

	private static final int THREADS = 8;

	private static final int PUSHES_PER_THREAD = 500;

	@Test
	void everyObservationOfConcurrentPushesIsStoppedExactlyOnce() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		RecordingObservationHandler recorded = new RecordingObservationHandler();
		registry.observationConfig().observationHandler(recorded);
		try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.start()) {
			CloudflareQueuesClient client = InstrumentedClients.on(emulator).observedBy(registry).build();
			QueuePublisher direct = client.publisher("direct", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
			QueuePublisher batching = client.publisher("batching", TestPublishers.QUEUE,
					QueuePublisherOptions.builder().batching(BatchingSettings.DEFAULTS).build());
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int thread = 0; thread < THREADS; thread++) {
					QueuePublisher publisher = (thread % 2 == 0) ? direct : batching;
					int offset = thread * PUSHES_PER_THREAD;
					done.add(threads.submit(() -> push(publisher, offset)));
				}
				for (Future<?> each : done) {
					each.get(120, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdown();
			}
			client.close();

			assertThat(recorded.irregular()).isEmpty();
			List<RecordedRequest> requests = emulator.requests();
			long singles = requests.stream().filter((request) -> request.path().endsWith("/messages")).count();
			long batches = requests.stream().filter((request) -> request.path().endsWith("/messages/batch")).count();
			int stored = emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE).orElseThrow().received().size();
			List<Observation.Context> pushes = operations(recorded, "push");
			List<Observation.Context> batchPushes = operations(recorded, "batch_push");
			assertThat(pushes).hasSizeGreaterThanOrEqualTo((int) singles)
				.allSatisfy((push) -> assertThat(low(push).get("error.type")).isIn("none", "cancelled"));
			assertThat(pushes.stream().filter((push) -> "none".equals(low(push).get("error.type"))).count())
				.isLessThanOrEqualTo(singles);
			assertThat(batchPushes).hasSize((int) batches)
				.allSatisfy((batch) -> assertThat(low(batch)).containsEntry("error.type", "none"));
			assertThat(batchPushes.stream()
				.mapToInt((batch) -> Integer.parseInt(high(batch).get("messaging.batch.message_count")))
				.sum()).isEqualTo(stored - (int) singles);
			assertThat(batches).isLessThan(THREADS / 2 * PUSHES_PER_THREAD);
		}
	}

	private static List<Observation.Context> operations(RecordingObservationHandler recorded, String name) {
		return recorded.stopped(QueueObservationTests.OPERATION)
			.stream()
			.filter((operation) -> name.equals(low(operation).get("messaging.operation.name")))
			.toList();
	}

	private static void push(QueuePublisher publisher, int offset) {
		List<Disposable> cancelled = new ArrayList<>();
		Flux.range(offset, PUSHES_PER_THREAD).flatMap((i) -> {
			if (i % 10 == 0) {
				cancelled.add(publisher.pushText("cancelled " + i).subscribe(null, (error) -> {
				}));
				cancelled.get(cancelled.size() - 1).dispose();
			}
			return publisher.pushText("m" + i);
		}, 32).blockLast(Duration.ofSeconds(120));
	}

}
