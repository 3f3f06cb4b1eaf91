package io.github.cfqueues.autoconfigure.local;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Records every header a request leaves with, below every filter: what really goes over the wire.
 */
final class HeaderRecordingConnector implements ClientHttpConnector {

	private final ClientHttpConnector delegate;

	private final List<String> headers;

	HeaderRecordingConnector(ClientHttpConnector delegate, List<String> headers) {
		this.delegate = delegate;
		this.headers = headers;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return this.delegate.connect(method, uri, (request) -> requestCallback.apply(new ClientHttpRequestDecorator(request) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				record();
				return super.writeWith(body);
			}

			@Override
			public Mono<Void> setComplete() {
				record();
				return super.setComplete();
			}

			private void record() {
				getHeaders().forEach((name, values) -> values.forEach((value) -> HeaderRecordingConnector.this.headers
					.add(name + ": " + value)));
			}

		}));
	}

}
