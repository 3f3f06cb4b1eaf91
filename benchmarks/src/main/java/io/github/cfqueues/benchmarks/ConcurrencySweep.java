package io.github.cfqueues.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.QueueLimits;
import io.github.cfqueues.client.QueuePublisher;
import reactor.core.publisher.Mono;

/**
 * Throughput, median latency and messages per request against the number of messages outstanding, for the ways to
 * publish a user chooses between: per-message push, auto-batching with the default settings and with a tuned
 * {@code max-wait}, and explicit {@code pushBatch} of 100 messages per call. Each point runs for a fixed time
 * against the {@link SinkServer}; the {@link Chart} draws them.
 */
final class ConcurrencySweep {

	static final Duration TUNED_MAX_WAIT = Duration.ofMillis(5);

	static final String PUSH = "push, one request per message";

	static final String BATCHING = "auto-batching, default settings (max-wait 0)";

	static final String TUNED = "auto-batching, max-wait " + TUNED_MAX_WAIT.toMillis() + " ms";

	static final String PUSH_BATCH = "explicit pushBatch, 100 per call";

	static final List<Integer> OUTSTANDING = List.of(1, 4, 16, 64, 256, 1_000);

	static final List<Integer> BATCH_CALLS = List.of(1, 4, 16);

	private static final int CAPACITY = 4_000_000;

	private final Publishers publishers;

	private final SinkServer sink;

	private final Duration perPoint;

	private long nextId = 1_000_000_000_000L;

	ConcurrencySweep(SinkServer sink, ClientStack stack, Duration perPoint) {
		this.sink = sink;
		this.publishers = new Publishers(stack, sink.baseUrl());
		this.perPoint = perPoint;
	}

	List<SweepPoint> run() {
		QueuePublisher push = this.publishers.perMessage(PublisherVariant.OFF);
		QueuePublisher batching = this.publishers.batching(PublisherVariant.OFF);
		QueuePublisher tuned = this.publishers.batching(PublisherVariant.OFF, null,
				new BatchingSettings(QueueLimits.MAX_BATCH_MESSAGES, QueueLimits.MAX_BATCH_BYTES, TUNED_MAX_WAIT, 1));
		List<SweepPoint> points = new ArrayList<>();
		series(points, PUSH, OUTSTANDING, 1, (id) -> push.push(Workload.message(id)));
		series(points, BATCHING, OUTSTANDING, 1, (id) -> batching.push(Workload.message(id)));
		series(points, TUNED, OUTSTANDING, 1, (id) -> tuned.push(Workload.message(id)));
		series(points, PUSH_BATCH, BATCH_CALLS, Workload.BATCH_SIZE,
				(id) -> push.pushBatch(Workload.messages(id, Workload.BATCH_SIZE)));
		return points;
	}

	private void series(List<SweepPoint> points, String series, List<Integer> concurrencies, int perOperation,
			LongFunction<Mono<?>> operation) {
		measure(series, 64 / Math.min(64, perOperation) + 1, perOperation, operation, Duration.ofSeconds(1));
		for (int concurrency : concurrencies) {
			points.add(measure(series, concurrency, perOperation, operation, this.perPoint));
		}
	}

	private SweepPoint measure(String series, int concurrency, int perOperation, LongFunction<Mono<?>> operation,
			Duration duration) {
		ResourceMeter.collectGarbage();
		this.sink.resetCounters();
		LoadRun run = new LoadRun(CAPACITY / perOperation);
		LoadResult result = run.execute(operation, this.nextId, perOperation, concurrency, duration);
		this.nextId += (long) result.started() * perOperation;
		if (result.failures() > 0) {
			throw new IllegalStateException(series + " at c=" + concurrency + ": " + result.failures()
					+ " operations failed", result.firstFailure());
		}
		double messages = (double) result.started() * perOperation;
		double perSecond = messages / result.seconds();
		double p50 = Latencies.percentileMillis(result.sortedLatencies(), 50);
		double perRequest = (this.sink.requests() > 0) ? (double) this.sink.messages() / this.sink.requests() : 0;
		int outstanding = concurrency * perOperation;
		System.out.printf(Locale.ROOT, "  sweep  %-46s %5d outstanding %,10.0f msg/s  p50 %8.3f ms  %5.1f msg/request%n",
				series, outstanding, perSecond, p50, perRequest);
		return new SweepPoint(series, outstanding, perSecond, p50, perRequest);
	}

}
