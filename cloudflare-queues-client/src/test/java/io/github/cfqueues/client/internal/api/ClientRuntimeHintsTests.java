package io.github.cfqueues.client.internal.api;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A native image keeps what the client reads at run time: the resource behind the {@code User-Agent} header.
 */
class ClientRuntimeHintsTests {

	@Test
	void theVersionResourceIsKept() {
		RuntimeHints hints = new RuntimeHints();
		new ClientRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(RuntimeHintsPredicates.resource().forResource(ClientInfo.RESOURCE)).accepts(hints);
		assertThat(getClass().getClassLoader().getResource(ClientInfo.RESOURCE)).isNotNull();
		assertThat(ClientInfo.USER_AGENT).matches("cloudflare-queues-spring-boot-starter/\\d+\\.\\d+\\.\\d+.* \\(Java .+\\)");
	}

	@Test
	void theHintsAreRegisteredForAheadOfTimeProcessing() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(ClientRuntimeHints.class);
	}

}
