package io.github.cfqueues.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

import io.github.cfqueues.client.QueuePublisher;
import reactor.core.publisher.Mono;

/**
 * Checks, before anything is measured, that the baselines send what a publisher sends: it captures one push (and
 * one batch push) of each at the {@link SinkServer} and compares bodies and headers.
 */
final class WireCheck {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private WireCheck() {
	}

	/**
	 * Captures the headers of a publisher's push, and checks that its body is the one the baseline builds.
	 * @param sink the server
	 * @param publisher the publisher
	 * @return the headers, names lower-cased
	 */
	static Map<String, String> publisherHeaders(SinkServer sink, QueuePublisher publisher) {
		return captured(sink, publisher.push(Workload.message(0)), Workload.wireBytes(0));
	}

	/**
	 * Captures the headers of a publisher's batch push of {@value Workload#BATCH_SIZE} messages, and checks that its
	 * body is the one the baseline builds.
	 * @param sink the server
	 * @param publisher the publisher
	 * @return the headers, names lower-cased
	 */
	static Map<String, String> publisherBatchHeaders(SinkServer sink, QueuePublisher publisher) {
		return captured(sink, publisher.pushBatch(Workload.messages(0, Workload.BATCH_SIZE)),
				Workload.batchWireBytes(0, Workload.BATCH_SIZE));
	}

	private static Map<String, String> captured(SinkServer sink, Mono<?> push, byte[] expected) {
		SinkServer.Capture capture = sink.captureNext();
		push.block(TIMEOUT);
		if (!Arrays.equals(capture.body(), expected)) {
			throw new IllegalStateException("The baseline's body differs from the publisher's: "
					+ new String(capture.body(), StandardCharsets.UTF_8));
		}
		return capture.headers();
	}

	/**
	 * Compares a reference client's body and headers with the publisher's.
	 * @param sink the server
	 * @param reference posts message 0 as the reference client does
	 * @param publisherHeaders the publisher's headers
	 * @return a line for the report
	 */
	static String compare(SinkServer sink, LongFunction<Mono<?>> reference, Map<String, String> publisherHeaders) {
		return compare(sink, reference, publisherHeaders, Workload.wireBytes(0));
	}

	/**
	 * Compares a reference client's batch body and headers with the publisher's batch push.
	 * @param sink the server
	 * @param reference posts the batch of messages 0 to 99 as the reference client does
	 * @param publisherHeaders the headers of the publisher's batch push
	 * @return a line for the report
	 */
	static String compareBatch(SinkServer sink, LongFunction<Mono<?>> reference,
			Map<String, String> publisherHeaders) {
		return compare(sink, reference, publisherHeaders, Workload.batchWireBytes(0, Workload.BATCH_SIZE));
	}

	private static String compare(SinkServer sink, LongFunction<Mono<?>> reference,
			Map<String, String> publisherHeaders, byte[] expected) {
		SinkServer.Capture capture = sink.captureNext();
		reference.apply(0).block(TIMEOUT);
		if (!Arrays.equals(capture.body(), expected)) {
			return "bodies differ";
		}
		Map<String, String> differences = new TreeMap<>();
		Set<String> names = new TreeSet<>(publisherHeaders.keySet());
		names.addAll(capture.headers().keySet());
		for (String name : names) {
			String publisher = publisherHeaders.get(name);
			String raw = capture.headers().get(name);
			if (publisher == null || !publisher.equals(raw)) {
				differences.put(name, "publisher " + publisher + ", baseline " + raw);
			}
		}
		return differences.isEmpty() ? "identical bodies and headers" : "identical bodies; headers differ: " + differences;
	}

}
