package io.github.cfqueues.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A loopback HTTP server that answers every POST at once with a canned Cloudflare success envelope and counts the
 * requests and the messages in them, so that what is measured is the client. It runs in the benchmark's JVM on
 * event-loop threads of its own, named {@value #THREAD_PREFIX}, which the allocation figures leave out.
 */
final class SinkServer implements AutoCloseable {

	static final String THREAD_PREFIX = "bench-sink";

	private static final byte[] ANSWER = ("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"metadata\":"
			+ "{\"metrics\":{\"backlog_count\":1,\"backlog_bytes\":1,\"oldest_message_timestamp_ms\":1}}}}")
		.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_MARK = "\"content_type\"".getBytes(StandardCharsets.US_ASCII);

	private final LoopResources loops = LoopResources.create(THREAD_PREFIX, 1, 2, true);

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong messages = new AtomicLong();

	private final AtomicReference<@Nullable Capture> probe = new AtomicReference<>();

	private final DisposableServer server;

	SinkServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.handle(this::answer)
			.bindNow();
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		boolean batch = request.uri().endsWith("/batch");
		Capture capture = this.probe.getAndSet(null);
		Mono<Long> counted = (batch || capture != null)
				? request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).map((body) -> {
					if (capture != null) {
						capture.record(request.requestHeaders(), body);
					}
					return batch ? count(body) : 1L;
				})
				: request.receive().then(Mono.just(1L));
		return counted.flatMap((count) -> {
			this.requests.incrementAndGet();
			this.messages.addAndGet(count);
			ByteBuf answer = Unpooled.wrappedBuffer(ANSWER);
			return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(ANSWER.length))
				.send(Mono.just(answer))
				.then();
		});
	}

	private static long count(byte[] body) {
		long count = 0;
		outer: for (int i = 0; i <= body.length - MESSAGE_MARK.length; i++) {
			for (int j = 0; j < MESSAGE_MARK.length; j++) {
				if (body[i + j] != MESSAGE_MARK[j]) {
					continue outer;
				}
			}
			count++;
		}
		return count;
	}

	/**
	 * The base URL a client is configured with.
	 * @return {@code http://127.0.0.1:<port>/client/v4}
	 */
	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port() + Workload.BASE_PATH);
	}

	/**
	 * Records the headers and body of the next request.
	 * @return the capture, filled once that request arrives
	 */
	Capture captureNext() {
		Capture capture = new Capture();
		this.probe.set(capture);
		return capture;
	}

	/**
	 * Zeroes the counters.
	 */
	void resetCounters() {
		this.requests.set(0);
		this.messages.set(0);
	}

	long requests() {
		return this.requests.get();
	}

	long messages() {
		return this.messages.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

	/**
	 * One request's headers (names lower-cased) and body.
	 */
	static final class Capture {

		private volatile Map<String, String> headers = Map.of();

		private volatile byte[] body = new byte[0];

		private void record(HttpHeaders headers, byte[] body) {
			Map<String, String> copy = new TreeMap<>();
			headers.forEach((header) -> copy.put(header.getKey().toLowerCase(), header.getValue()));
			this.headers = copy;
			this.body = body;
		}

		Map<String, String> headers() {
			return this.headers;
		}

		byte[] body() {
			return this.body;
		}

	}

}
