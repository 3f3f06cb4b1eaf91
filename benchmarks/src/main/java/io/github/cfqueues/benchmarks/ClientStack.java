package io.github.cfqueues.benchmarks;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP stack every client in a run shares: Reactor Netty's global connection pool and event loops, as Spring
 * Boot's default connector uses them, so that the baseline and the publishers differ only in what sits above Reactor
 * Netty.
 */
final class ClientStack {

	private final HttpClient httpClient = HttpClient.create();

	/**
	 * The raw client.
	 * @return the client
	 */
	HttpClient httpClient() {
		return this.httpClient;
	}

	/**
	 * Describes the connection pool.
	 * @return a phrase for the report
	 */
	static String describe() {
		return "Reactor Netty's global connection pool (" + ConnectionProvider.DEFAULT_POOL_MAX_CONNECTIONS
				+ " connections per server on this machine) and event loops, as Boot's default connector uses them";
	}

	/**
	 * A {@link WebClient} on the shared client, with or without HTTP client observations.
	 * @param observed whether to record an observation (a timer in a {@link SimpleMeterRegistry}) per request
	 * @return the client
	 */
	WebClient webClient(boolean observed) {
		WebClient.Builder builder = WebClient.builder().clientConnector(new ReactorClientHttpConnector(this.httpClient));
		if (observed) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
			builder.observationRegistry(registry);
		}
		return builder.build();
	}

}
