package io.github.cfqueues.benchmarks;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The most the stack can do: Reactor Netty's {@link HttpClient} posting the bytes a single push (or a batch push of
 * {@value Workload#BATCH_SIZE} messages) puts on the wire, built without a JSON library, with the very headers the
 * publisher sends, and reading the whole answer.
 */
final class RawBaseline {

	private static final Set<String> SET_BY_NETTY = Set.of("host", "content-length", "transfer-encoding");

	private final HttpClient client;

	private final String path;

	private final String batchPath;

	/**
	 * Creates the baseline.
	 * @param stack the shared HTTP stack
	 * @param baseUrl the server's base URL
	 * @param publisherHeaders the headers a publisher's push carried (names lower-cased)
	 */
	RawBaseline(ClientStack stack, URI baseUrl, Map<String, String> publisherHeaders) {
		this.client = stack.httpClient()
			.baseUrl("http://" + baseUrl.getHost() + ":" + baseUrl.getPort())
			.headers((headers) -> publisherHeaders.forEach((name, value) -> {
				if (!SET_BY_NETTY.contains(name)) {
					headers.set(name, value);
				}
			}));
		this.path = Workload.MESSAGES_PATH;
		this.batchPath = Workload.BATCH_PATH;
	}

	/**
	 * Posts one message.
	 * @param id the message's id
	 * @return the status, after the whole answer was read
	 */
	Mono<Integer> post(long id) {
		return post(this.path, Workload.wireBytes(id));
	}

	/**
	 * Posts the {@link Workload#BATCH_SIZE} messages of one batch push.
	 * @param firstId the first message's id
	 * @return the status, after the whole answer was read
	 */
	Mono<Integer> postBatch(long firstId) {
		return post(this.batchPath, Workload.batchWireBytes(firstId, Workload.BATCH_SIZE));
	}

	private Mono<Integer> post(String path, byte[] body) {
		return this.client.post()
			.uri(path)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> content.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> response.status().code()))
			.flatMap((status) -> (status == 200) ? Mono.just(status)
					: Mono.error(new IllegalStateException("HTTP " + status)));
	}

}
