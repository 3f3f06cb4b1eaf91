package io.github.cfqueues.client.listener;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cfqueues.client.ReceivedMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @QueueListener} methods keep working in a native image: Spring's AOT processing of a bean finds the
 * annotation, and registers each listener method for invocation and its payload types for data binding.
 */
class QueueListenerRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	QueueListenerRuntimeHintsTests() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, Listeners.class);
	}

	@Test
	void listenerMethodsAreInvocable() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "placed"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "shipped"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "raw"))
			.accepts(this.hints);
	}

	@Test
	void aPayloadTypeIsRegisteredForBindingWithTheTypesItHolds() {
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class, "id")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Line.class, "sku")).accepts(this.hints);
	}

	@Test
	void theElementTypeOfABatchListenerIsRegisteredForBinding() {
		assertThat(RuntimeHintsPredicates.reflection().onType(Shipment.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Shipment.class, "carrier"))
			.accepts(this.hints);
	}

	@Test
	void theClientsOwnArgumentTypesAreNotPayloads() {
		assertThat(RuntimeHintsPredicates.reflection().onType(ReceivedMessage.class)).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Acknowledgement.class)).rejects(this.hints);
	}

	static class Listeners {

		@QueueListener("orders")
		void placed(Order order, Acknowledgement acknowledgement) {
		}

		@QueueListener("shipments")
		Mono<Void> shipped(List<Shipment> shipments) {
			return Mono.empty();
		}

		@QueueListener("raw")
		CompletableFuture<Void> raw(ReceivedMessage message) {
			return CompletableFuture.completedFuture(null);
		}

	}

	record Order(String id, List<Line> lines) {
	}

	record Line(String sku, int quantity) {
	}

	record Shipment(String carrier) {
	}

}
