package io.github.cfqueues.client.observation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.InstrumentedClients;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.Faults;
import io.github.cfqueues.emulator.RecordedRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

import static io.github.cfqueues.client.observation.RecordingObservationHandler.high;
import static io.github.cfqueues.client.observation.RecordingObservationHandler.isParentOf;
import static io.github.cfqueues.client.observation.RecordingObservationHandler.low;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Each request to a queue is one observation, named and keyed after OpenTelemetry's messaging conventions, with the
 * HTTP client's observation of each attempt inside it, carrying a URI template and never an id.
 */
class QueueObservationTests {

	static final String OPERATION = "cloudflare.queues.operation";

	static final String HTTP = "http.client.requests";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static CloudflareQueuesEmulator emulator;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final RecordingObservationHandler recorded = new RecordingObservationHandler();

	private CloudflareQueuesClient client;

	@BeforeAll
	static void startEmulator() {
		emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.stop();
	}

	@BeforeEach
	void observe() {
		emulator.reset();
		emulator.setFaultInjector((request) -> Fault.none());
		this.registry.observationConfig().observationHandler(this.recorded);
		this.client = InstrumentedClients.on(emulator).observedBy(this.registry).build();
	}

	@AfterEach
	void close() {
		this.client.close();
		assertThat(this.recorded.irregular()).isEmpty();
	}

	private QueuePublisher publisher() {
		return this.client.publisher("orders", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
	}

	private QueueConsumer consumer() {
		return this.client.consumer("orders", TestPublishers.QUEUE, QueueConsumerOptions.DEFAULTS);
	}

	@Test
	void aPushIsOneObservationWithItsHttpRequestInside() {
		publisher().pushText("hello").block(TIMEOUT);

		List<Observation.Context> operations = this.recorded.stopped(OPERATION);
		assertThat(operations).singleElement().satisfies((push) -> {
			assertThat(push.getContextualName()).isEqualTo("push orders");
			assertThat(low(push)).containsOnly(entry("messaging.system", "cloudflare_queues"),
					entry("messaging.operation.type", "send"), entry("messaging.operation.name", "push"),
					entry("messaging.destination.name", "orders"), entry("error.type", "none"));
			assertThat(high(push)).isEmpty();
		});
		await().untilAsserted(() -> assertThat(this.recorded.stopped(HTTP)).singleElement().satisfies((http) -> {
			assertThat(isParentOf(operations.get(0), http)).isTrue();
			assertThat(low(http)).contains(entry("uri", "/accounts/{account_id}/queues/{queue_id}/messages"),
					entry("method", "POST"), entry("status", "200"));
		}));
	}

	@Test
	void aBatchPushIsOneObservationPerRequestWithItsMessageCount() {
		List<QueueMessage> messages = IntStream.range(0, 150).mapToObj((i) -> QueueMessage.text("m" + i)).toList();

		publisher().pushBatch(messages).block(TIMEOUT);

		assertThat(this.recorded.stopped(OPERATION)).hasSize(2).allSatisfy((batch) -> {
			assertThat(low(batch)).contains(entry("messaging.operation.name", "batch_push"),
					entry("messaging.operation.type", "send"));
			assertThat(batch.getContextualName()).isEqualTo("batch_push orders");
		}).extracting((batch) -> high(batch).get("messaging.batch.message_count")).containsExactly("100", "50");
		await().untilAsserted(() -> assertThat(this.recorded.stopped(HTTP)).hasSize(2)
			.allSatisfy((http) -> assertThat(low(http))
				.contains(entry("uri", "/accounts/{account_id}/queues/{queue_id}/messages/batch"))));
	}

	@Test
	void anAutoBatchingPublisherObservesEachBatchRequestAndNoMessage() {
		QueuePublisher batching = this.client.publisher("orders", TestPublishers.QUEUE, QueuePublisherOptions.builder()
			.batching(new BatchingSettings(100, 256_000, Duration.ofMillis(20), 1))
			.build());

		Flux.range(0, 300).flatMap((i) -> batching.pushText("m" + i), 300).blockLast(TIMEOUT);

		long requests = emulator.requests().stream().filter((request) -> request.path().endsWith("/batch")).count();
		List<Observation.Context> operations = this.recorded.stopped(OPERATION);
		assertThat(operations).hasSize((int) requests)
			.allSatisfy((batch) -> assertThat(low(batch)).containsEntry("messaging.operation.name", "batch_push"));
		assertThat(operations.stream()
			.mapToInt((batch) -> Integer.parseInt(high(batch).get("messaging.batch.message_count")))
			.sum()).isEqualTo(300);
		assertThat(requests).isLessThan(300);
	}

	@Test
	void pullAcknowledgementAndMetricsAreObservedWithTheirUriTemplates() {
		publisher().pushBatch(List.of(QueueMessage.text("a"), QueueMessage.text("b"))).block(TIMEOUT);
		QueueConsumer consumer = consumer();
		List<ReceivedMessage> pulled = consumer.pull(10, Duration.ofSeconds(30)).block(TIMEOUT);
		Flux.fromIterable(pulled).flatMap(ReceivedMessage::ack).then().block(TIMEOUT);
		this.client.metrics("orders").block(TIMEOUT);

		Map<String, Observation.Context> byOperation = new HashMap<>();
		this.recorded.stopped(OPERATION)
			.forEach((context) -> byOperation.put(low(context).get("messaging.operation.name"), context));
		assertThat(byOperation).containsOnlyKeys("batch_push", "pull", "ack", "metrics");
		assertThat(low(byOperation.get("pull"))).containsEntry("messaging.operation.type", "receive");
		assertThat(high(byOperation.get("pull"))).containsEntry("messaging.batch.message_count", "2");
		assertThat(low(byOperation.get("ack"))).containsEntry("messaging.operation.type", "settle");
		assertThat(high(byOperation.get("ack"))).containsEntry("messaging.batch.message_count", "2");
		assertThat(low(byOperation.get("metrics"))).containsEntry("messaging.operation.type", "metrics");
		await().untilAsserted(() -> assertThat(this.recorded.stopped(HTTP)).hasSize(4)
			.extracting((http) -> low(http).get("uri"))
			.containsExactlyInAnyOrder("/accounts/{account_id}/queues/{queue_id}/messages/batch",
					"/accounts/{account_id}/queues/{queue_id}/messages/pull",
					"/accounts/{account_id}/queues/{queue_id}/messages/ack",
					"/accounts/{account_id}/queues/{queue_id}/metrics"));
		this.recorded.stopped(HTTP).forEach((http) -> assertThat(this.recorded.stopped(OPERATION)
			.stream()
			.filter((operation) -> isParentOf(operation, http))).hasSize(1));
	}

	@Test
	void aRetriedRequestIsOneObservationWithAnHttpObservationPerAttempt() {
		this.client.close();
		this.client = InstrumentedClients.on(emulator)
			.observedBy(this.registry)
			.with((builder) -> builder.retry(new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0,
					Duration.ofSeconds(1))))
			.build();
		AtomicInteger faults = new AtomicInteger();
		emulator.setFaultInjector(
				(request) -> (faults.getAndIncrement() == 0) ? Fault.internalServerError() : Fault.none());

		publisher().pushText("second time lucky").block(TIMEOUT);

		Observation.Context push = this.recorded.stopped(OPERATION).get(0);
		assertThat(this.recorded.stopped(OPERATION)).hasSize(1);
		assertThat(low(push)).containsEntry("error.type", "none");
		await().untilAsserted(() -> assertThat(this.recorded.stopped(HTTP)).hasSize(2)
			.allSatisfy((http) -> assertThat(isParentOf(push, http)).isTrue())
			.extracting((http) -> low(http).get("status"))
			.containsExactly("500", "200"));
	}

	@Test
	void aFailedRequestNamesTheErrorType() {
		emulator.setFaultInjector(Faults.always(Fault.error(403, 10000, "Authentication error")));

		assertThatExceptionOfType(QueueAuthenticationException.class)
			.isThrownBy(() -> publisher().pushText("refused").block(TIMEOUT));

		assertThat(this.recorded.stopped(OPERATION)).singleElement()
			.satisfies((push) -> assertThat(low(push)).containsEntry("error.type", "QueueAuthenticationException"));
	}

	@Test
	void aCancelledRequestIsStoppedOnceAsCancelled() {
		emulator.setFaultInjector(Faults.always(Fault.delayBeforeProcessing(Duration.ofSeconds(1))));

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> publisher().pushText("slow").block(Duration.ofMillis(200)));

		await().untilAsserted(() -> assertThat(this.recorded.stopped(OPERATION)).singleElement()
			.satisfies((push) -> assertThat(low(push)).containsEntry("error.type", "cancelled")));
		await().until(() -> emulator.requests().size() == 1);
	}

	@Test
	void theCallersObservationIsTheParentFromItsScopeOrItsReactorContext() {
		Observation caller = Observation.start("checkout", this.registry);
		try (Observation.Scope scope = caller.openScope()) {
			publisher().pushText("in scope").block(TIMEOUT);
		}
		publisher().pushText("in context")
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, caller))
			.block(TIMEOUT);
		consumer().pull(1, Duration.ofSeconds(30))
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, caller))
			.block(TIMEOUT);
		caller.stop();

		assertThat(this.recorded.stopped(OPERATION)).hasSize(3)
			.allSatisfy((operation) -> assertThat(isParentOf(caller.getContext(), operation)).isTrue());
	}

	@Test
	void aRequestWithoutCallerStartsItsOwnTrace() {
		Observation unrelated = Observation.start("unrelated", this.registry);
		QueuePublisher batching = this.client.publisher("orders", TestPublishers.QUEUE,
				QueuePublisherOptions.builder().batching(BatchingSettings.DEFAULTS).build());
		try (Observation.Scope scope = unrelated.openScope()) {
			batching.pushText("gathered").block(TIMEOUT);
		}
		unrelated.stop();

		assertThat(this.recorded.stopped(OPERATION)).singleElement()
			.satisfies((batch) -> assertThat(batch.getParentObservation()).isNull());
	}

	/**
	 * Ids stay out of every key that can become a meter's tag, and out of the client's own observations altogether;
	 * only the HTTP observation's {@code http.url}, a high-cardinality key for traces, holds the URL as sent.
	 */
	@Test
	void noKeyValueHoldsTheTokenAndNoTagHoldsAnId() {
		publisher().pushText("a").block(TIMEOUT);
		publisher().pushBatch(List.of(QueueMessage.text("b"))).block(TIMEOUT);
		consumer().pull(1, Duration.ofSeconds(30)).block(TIMEOUT);

		await().until(() -> this.recorded.stopped(HTTP).size() == 3);
		assertThat(this.recorded.stopped()).hasSize(6).allSatisfy((context) -> {
			assertThat(context.getAllKeyValues().toString()).doesNotContain(TestPublishers.TOKEN);
			assertThat(context.getLowCardinalityKeyValues().toString()).doesNotContain(TestPublishers.ACCOUNT,
					TestPublishers.QUEUE);
		});
		assertThat(this.recorded.stopped(OPERATION)).allSatisfy((operation) -> assertThat(
				operation.getAllKeyValues().toString()).doesNotContain(TestPublishers.ACCOUNT, TestPublishers.QUEUE));
		assertThat(this.recorded.stopped(HTTP)).allSatisfy((http) -> assertThat(
				((ClientRequestObservationContext) http).getRequest().headers().toString())
			.doesNotContain(TestPublishers.TOKEN));
	}

	@Test
	void aRegistryThatTurnsTheObservationOffLeavesTheHttpObservationUnderTheCaller() {
		this.registry.observationConfig().observationPredicate((name, context) -> !name.startsWith("cloudflare.queues"));
		Observation caller = Observation.start("checkout", this.registry);
		try (Observation.Scope scope = caller.openScope()) {
			publisher().pushText("quiet").block(TIMEOUT);
		}
		caller.stop();

		assertThat(this.recorded.stopped(OPERATION)).isEmpty();
		await().untilAsserted(() -> assertThat(this.recorded.stopped(HTTP)).singleElement()
			.satisfies((http) -> assertThat(isParentOf(caller.getContext(), http)).isTrue()));
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		CloudflareQueuesClient unobserved = InstrumentedClients.on(emulator).build();
		try {
			unobserved.publisher("orders", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS)
				.pushText("plain")
				.block(TIMEOUT);
		}
		finally {
			unobserved.close();
		}
		assertThat(this.recorded.stopped()).isEmpty();
		assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(200);
	}

}
