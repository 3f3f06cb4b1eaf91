package io.github.cfqueues.client.observation;

import java.time.Duration;
import java.util.List;

import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.InstrumentedClients;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerContainer;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import io.github.cfqueues.client.listener.QueueMessageHandler;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static io.github.cfqueues.client.observation.RecordingObservationHandler.high;
import static io.github.cfqueues.client.observation.RecordingObservationHandler.isParentOf;
import static io.github.cfqueues.client.observation.RecordingObservationHandler.low;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * A listener's handling of each message is one observation, of its own trace (no trace context travels in a
 * message), and what the handler sends nests under it.
 */
class ListenerObservationTests {

	private static final String LISTENER = "cloudflare.queues.listener";

	private static final String SHIPMENTS = "5h1b0000000000000000000000000001";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final RecordingObservationHandler recorded = new RecordingObservationHandler();

	private CloudflareQueuesEmulator emulator;

	private CloudflareQueuesClient client;

	private QueueListenerContainer container;

	@BeforeEach
	void start() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.queue(TestPublishers.ACCOUNT, SHIPMENTS)
			.start();
		this.registry.observationConfig().observationHandler(this.recorded);
		this.client = InstrumentedClients.on(this.emulator).observedBy(this.registry).build();
	}

	@AfterEach
	void stop() {
		if (this.container != null) {
			this.container.stop();
		}
		this.client.close();
		this.emulator.stop();
		assertThat(this.recorded.irregular()).isEmpty();
	}

	private void listen(QueueMessageHandler handler) {
		this.container = InstrumentedClients.container(this.client,
				QueueListenerEndpoint.of("shipping.placed", "orders", handler, null),
				ListenerSettings.builder().maxRetries(5).build());
		this.container.start();
	}

	@Test
	void eachHandlingIsObservedAndWhatTheHandlerSendsNestsInsideIt() {
		QueuePublisher orders = this.client.publisher("orders", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
		QueuePublisher shipments = this.client.publisher("shipments", SHIPMENTS, QueuePublisherOptions.DEFAULTS);
		orders.pushText("order-1").block(TIMEOUT);

		listen((message) -> shipments.pushText("shipped " + message.bodyAsText()).then());

		await().untilAsserted(() -> assertThat(this.recorded.stopped(LISTENER)).hasSize(1));
		Observation.Context handling = this.recorded.stopped(LISTENER).get(0);
		assertThat(handling.getContextualName()).isEqualTo("process orders");
		assertThat(low(handling)).containsOnly(entry("messaging.system", "cloudflare_queues"),
				entry("messaging.operation.type", "process"), entry("messaging.operation.name", "process"),
				entry("messaging.destination.name", "orders"), entry("error.type", "none"));
		assertThat(high(handling)).containsOnlyKeys("messaging.message.id");
		assertThat(handling.getParentObservation()).isNull();
		List<Observation.Context> sends = this.recorded.stopped(QueueObservationTests.OPERATION)
			.stream()
			.filter((operation) -> "shipments".equals(low(operation).get("messaging.destination.name")))
			.toList();
		assertThat(sends).singleElement().satisfies((send) -> assertThat(isParentOf(handling, send)).isTrue());
	}

	@Test
	void aFailingHandlerNamesTheErrorType() {
		this.client.publisher("orders", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS)
			.pushText("bad order")
			.block(TIMEOUT);

		listen((message) -> Mono.error(new IllegalStateException("out of stock")));

		await().untilAsserted(() -> assertThat(this.recorded.stopped(LISTENER)).isNotEmpty()
			.first()
			.satisfies((handling) -> assertThat(low(handling)).containsEntry("error.type", "IllegalStateException")));
	}

}
