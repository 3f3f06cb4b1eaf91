package io.github.cfqueues.benchmarks;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * What Spring's {@link WebClient} alone costs on top of Reactor Netty: the same pre-serialized bytes and headers as
 * the {@link RawBaseline}, sent through a plain {@code WebClient} on the same connection pool, reading the whole
 * answer as bytes. The publisher binds to the API through a {@code WebClient}, so this is the most it can reach.
 */
final class WebClientFloor {

	private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "transfer-encoding");

	private final WebClient webClient;

	private final URI uri;

	private final Map<String, String> headers;

	WebClientFloor(ClientStack stack, URI baseUrl, Map<String, String> publisherHeaders) {
		this.webClient = stack.webClient(false);
		this.uri = URI.create("http://" + baseUrl.getHost() + ":" + baseUrl.getPort() + Workload.MESSAGES_PATH);
		this.headers = publisherHeaders;
	}

	/**
	 * Posts one message.
	 * @param id the message's id
	 * @return the answer's bytes
	 */
	Mono<byte[]> post(long id) {
		return this.webClient.post()
			.uri(this.uri)
			.headers((headers) -> this.headers.forEach((name, value) -> {
				if (!SET_BY_CLIENT.contains(name)) {
					headers.set(name, value);
				}
			}))
			.bodyValue(Workload.wireBytes(id))
			.exchangeToMono((response) -> response.bodyToMono(byte[].class));
	}

}
