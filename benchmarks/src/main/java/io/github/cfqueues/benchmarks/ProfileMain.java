package io.github.cfqueues.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import io.github.cfqueues.client.QueuePublisher;
import reactor.core.publisher.Mono;

/**
 * Runs one path against the {@link SinkServer} for a while and nothing else, to be profiled (for example with
 * {@code -XX:StartFlightRecording}): {@code java -cp cloudflare-queues-benchmarks.jar
 * io.github.cfqueues.benchmarks.ProfileMain PATH CONCURRENCY SECONDS}, where PATH is one of {@code raw},
 * {@code raw-batch}, {@code webclient}, {@code push}, {@code push-batch} or {@code batching}. It warms up for as long
 * as it then runs, and prints the throughput of the second half.
 */
public final class ProfileMain {

	private ProfileMain() {
	}

	public static void main(String[] args) {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: ProfileMain PATH CONCURRENCY SECONDS");
		}
		String path = args[0];
		int concurrency = Integer.parseInt(args[1]);
		Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
		ClientStack stack = new ClientStack();
		try (SinkServer sink = new SinkServer()) {
			Publishers publishers = new Publishers(stack, sink.baseUrl());
			QueuePublisher push = publishers.perMessage(PublisherVariant.OFF);
			Map<String, String> headers = WireCheck.publisherHeaders(sink, push);
			Map<String, String> batchHeaders = WireCheck.publisherBatchHeaders(sink, push);
			RawBaseline raw = new RawBaseline(stack, sink.baseUrl(), headers);
			RawBaseline rawBatch = new RawBaseline(stack, sink.baseUrl(), batchHeaders);
			QueuePublisher batching = publishers.batching(PublisherVariant.OFF);
			int perOperation = path.endsWith("batch") ? Workload.BATCH_SIZE : 1;
			LongFunction<Mono<?>> operation = switch (path) {
				case "raw" -> raw::post;
				case "raw-batch" -> rawBatch::postBatch;
				case "webclient" -> new WebClientFloor(stack, sink.baseUrl(), headers)::post;
				case "push" -> (id) -> push.push(Workload.message(id));
				case "push-batch" -> (id) -> push.pushBatch(Workload.messages(id, Workload.BATCH_SIZE));
				case "batching" -> (id) -> batching.push(Workload.message(id));
				default -> throw new IllegalArgumentException("Unknown path " + path);
			};
			long firstId = 1;
			ResourceMeter meter = new ResourceMeter();
			for (String phase : new String[] { "warm-up", "measured" }) {
				int capacity = 5_000_000 / perOperation;
				LoadRun run = new LoadRun(capacity);
				ResourceMeter.Measurement measurement = meter.start();
				LoadResult result = run.execute(operation, firstId, perOperation, concurrency, duration);
				ResourceMeter.Usage usage = measurement.stop();
				firstId += (long) result.started() * perOperation;
				double messages = result.started() * (double) perOperation;
				System.out.printf(Locale.ROOT, "%s: %s c=%d %,.0f msg/s, %.2f µs CPU and %,.0f B per message, %d failed%n",
						phase, path, concurrency, messages / result.seconds(), usage.cpuNanos() / 1e3 / messages,
						usage.allocatedBytes() / messages, result.failures());
			}
		}
		System.exit(0);
	}

}
