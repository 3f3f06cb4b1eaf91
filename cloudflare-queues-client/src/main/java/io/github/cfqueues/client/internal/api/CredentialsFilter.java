package io.github.cfqueues.client.internal.api;

import io.github.cfqueues.client.CloudflareCredentials;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds a request's credentials as the last filter of the chain, just before the request leaves: the application's
 * filters (from its {@code WebClient.Builder} customizers) run before it and never see, log or replace them. The
 * credentials ride to it in a request attribute, whose value never prints the secret.
 */
final class CredentialsFilter implements ExchangeFilterFunction {

	static final String ATTRIBUTE = CredentialsFilter.class.getName() + ".credentials";

	static final CredentialsFilter INSTANCE = new CredentialsFilter();

	private CredentialsFilter() {
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Object credentials = request.attribute(ATTRIBUTE).orElse(null);
		if (!(credentials instanceof CloudflareCredentials cloudflare)) {
			return next.exchange(request);
		}
		return next.exchange(ClientRequest.from(request).headers((headers) -> cloudflare.writeHeaders(headers::set))
			.build());
	}

}
