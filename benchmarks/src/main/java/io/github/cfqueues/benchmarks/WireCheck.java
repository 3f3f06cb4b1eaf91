package io.github.cfqueues.benchmarks;

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
 * Checks, before anything is measured, that the baseline sends what a publisher sends: it captures one push of
 * each at the {@link SinkServer} and compares bodies and headers.
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
		SinkServer.Capture capture = sink.captureNext();
		publisher.push(Workload.message(0)).block(TIMEOUT);
		if (!Arrays.equals(capture.body(), Workload.wireBytes(0))) {
			throw new IllegalStateException("The baseline's body differs from the publisher's: "
					+ new String(capture.body(), java.nio.charset.StandardCharsets.UTF_8));
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
		SinkServer.Capture capture = sink.captureNext();
		reference.apply(0).block(TIMEOUT);
		if (!Arrays.equals(capture.body(), Workload.wireBytes(0))) {
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
