package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import io.github.cfqueues.client.internal.publish.BatchingQueuePublisher;
import io.github.cfqueues.client.internal.publish.HeldAnswers;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.Faults;
import io.github.cfqueues.emulator.RecordedRequest;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batching publishers configured from {@code cloudflare.queues.*}, and how they stop with the context: what they
 * hold is flushed after the web server has drained and before the HTTP resources close; what cannot be answered
 * within {@code shutdown-timeout} fails with a {@link PublisherClosedException} and one warning that counts it;
 * pushes after stop fail at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchingPublisherLifecycleTests {

	static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	static final String QUEUE = "0000000000000000000000000000000a";

	static final String ORDERS = "0000000000000000000000000000000b";

	static final String EMAILS = "0000000000000000000000000000000c";

	static final String TOKEN = "lifecycle-test-token-0042";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private CloudflareQueuesEmulator emulator;

	private final HeldAnswers held = new HeldAnswers();

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TOKEN)
			.queue(ACCOUNT, QUEUE)
			.queue(ACCOUNT, ORDERS)
			.queue(ACCOUNT, EMAILS)
			.start();
	}

	@AfterEach
	void stopEmulator() {
		this.held.release();
		this.emulator.stop();
	}

	private ApplicationContextRunner runner() {
		return CloudflareQueuesAutoConfigurationTests.runner()
			.withPropertyValues("cloudflare.queues.base-url=" + this.emulator.baseUrl(),
					"cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.queue-id=" + QUEUE, "cloudflare.queues.rate-limit.enabled=false",
					"cloudflare.queues.batching.enabled=true", "cloudflare.queues.batching.max-wait=10s");
	}

	private List<String> storedBodies(String queueId) {
		return this.emulator.queue(ACCOUNT, queueId).orElseThrow().messages().stream().map(StoredMessage::body).toList();
	}

	private List<String> requestPaths() {
		return this.emulator.requests().stream().map(RecordedRequest::path).toList();
	}

	private static String path(String queueId, String operation) {
		return "/client/v4/accounts/" + ACCOUNT + "/queues/" + queueId + operation;
	}

	private static List<String> bodies(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "m" + i).toList();
	}

	private static List<CompletableFuture<MessagePushResponse>> pushWithoutWaiting(QueuePublisher publisher,
			int count) {
		return IntStream.range(0, count).mapToObj((i) -> publisher.pushText("m" + i).toFuture()).toList();
	}

	@Test
	void batchingIsConfiguredGloballyAndEachQueueMayOverrideIt() {
		runner()
			.withPropertyValues("cloudflare.queues.queues.orders.queue-id=" + ORDERS,
					"cloudflare.queues.queues.orders.batching.max-messages=2",
					"cloudflare.queues.queues.emails.queue-id=" + EMAILS,
					"cloudflare.queues.queues.emails.batching.enabled=false")
			.run((context) -> {
				QueuePublisherRegistry registry = context.getBean(QueuePublisherRegistry.class);
				assertThat(registry.get("default")).isInstanceOf(BatchingQueuePublisher.class);
				assertThat(registry.get("orders")).isInstanceOf(BatchingQueuePublisher.class);
				assertThat(registry.get("emails")).isInstanceOf(DefaultQueuePublisher.class);

				CompletableFuture<MessagePushResponse> waiting = registry.get("default").pushText("d0").toFuture();
				List<CompletableFuture<MessagePushResponse>> orders = pushWithoutWaiting(registry.get("orders"), 2);
				assertThat(orders).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
				assertThat(registry.get("emails").pushText("e0").toFuture()).succeedsWithin(TIMEOUT);

				assertThat(waiting).isNotDone();
				assertThat(requestPaths()).containsExactlyInAnyOrder(path(ORDERS, "/messages/batch"),
						path(EMAILS, "/messages"));
				assertThat(storedBodies(ORDERS)).containsExactly("m0", "m1");
			});
	}

	@Test
	void aQueueMayOptIntoBatchingWhenItIsOffGlobally() {
		runner()
			.withPropertyValues("cloudflare.queues.batching.enabled=false",
					"cloudflare.queues.queues.orders.queue-id=" + ORDERS,
					"cloudflare.queues.queues.orders.batching.enabled=true")
			.run((context) -> {
				assertThat(context.getBean("queuePublisher")).isInstanceOf(DefaultQueuePublisher.class);
				assertThat(context.getBean("ordersQueuePublisher")).isInstanceOf(BatchingQueuePublisher.class);
			});
	}

	@Test
	void messagesPushedJustBeforeTheContextClosesAllReachTheQueueBeforeTheHttpResourcesClose() {
		List<CompletableFuture<MessagePushResponse>> pushes = new ArrayList<>();
		runner().withUserConfiguration(OwnHttpResources.class).run((context) -> {
			QueuePublisher publisher = context.getBean(QueuePublisher.class);
			pushes.addAll(pushWithoutWaiting(publisher, 250));
			// The last 50 wait for max-wait (10s) or a flush.
			assertThat(pushes.get(249)).isNotDone();
		});

		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompleted());
		assertThat(storedBodies(QUEUE)).containsExactlyElementsOf(bodies(250));
		assertThat(this.emulator.requests()).extracting(RecordedRequest::status).containsOnly(200);
	}

	@Test
	void aPushMadeWhileTheWebServerDrainsIsStillFlushed() {
		runner().withUserConfiguration(PushingWhileWebServerDrains.class).run((context) -> {
			assertThat(this.emulator.requests()).isEmpty();
		});

		assertThat(storedBodies(QUEUE)).containsExactly("pushed while draining");
	}

	@Test
	void aBatchPushStillInFlightWhenTheContextClosesIsAnsweredBeforeTheHttpResourcesClose() {
		this.emulator.setFaultInjector(Faults.always(Fault.delayBeforeProcessing(Duration.ofMillis(500))));
		List<CompletableFuture<?>> pushes = new ArrayList<>();
		runner().withUserConfiguration(OwnHttpResources.class).run((context) -> {
			QueuePublisher publisher = context.getBean(QueuePublisher.class);
			pushes.add(publisher.pushBatch(List.of(QueueMessage.text("b0"), QueueMessage.text("b1"))).toFuture());
		});

		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompleted());
		assertThat(storedBodies(QUEUE)).containsExactly("b0", "b1");
	}

	@Test
	void messagesNotAnsweredWithinTheShutdownTimeoutFailWithPublisherClosedAndOneWarningCountsThem(
			CapturedOutput output) {
		this.emulator.setFaultInjector(this.held);
		List<CompletableFuture<MessagePushResponse>> pushes = new ArrayList<>();
		runner()
			.withPropertyValues("cloudflare.queues.shutdown-timeout=300ms",
					"cloudflare.queues.batching.max-messages=2")
			.run((context) -> {
				pushes.addAll(pushWithoutWaiting(context.getBean(QueuePublisher.class), 5));
				await().atMost(TIMEOUT).until(() -> this.held.arrived() == 1);
			});

		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompletedExceptionally());
		assertThat(pushes).allSatisfy((push) -> assertThat(failure(push)).isInstanceOf(PublisherClosedException.class)
			.hasMessageContaining("shutdown timeout (PT0.3S)"));
		assertThat(output).containsPattern(
				"WARN .*Queue 'default': shutdown timeout \\(PT0.3S\\) reached; 3 buffered messages were not sent "
						+ "and 2 in flight have no answer");
		assertThat(output).doesNotContain("still unanswered");
		assertThat(this.held.arrived()).isOne();
	}

	@Test
	void pushesAfterTheContextHasStoppedFailAtOnceAndSendNothing() {
		runner().run((context) -> {
			QueuePublisher publisher = context.getBean(QueuePublisher.class);
			CloudflareQueuesPublisherLifecycle lifecycle = context.getBean(CloudflareQueuesPublisherLifecycle.class);
			context.close();

			CompletableFuture<MessagePushResponse> push = publisher.push(QueueMessage.text("late")).toFuture();
			CompletableFuture<?> batch = publisher.pushBatch(List.of(QueueMessage.text("late batch"))).toFuture();

			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(push).isCompletedExceptionally();
			assertThat(failure(push)).isInstanceOf(PublisherClosedException.class).hasMessageContaining("shut down");
			assertThat(batch).isCompletedExceptionally();
			assertThat(failure(batch)).isInstanceOf(BatchPushException.class)
				.hasCauseInstanceOf(PublisherClosedException.class);
		});

		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void aPublisherThatDoesNotBatchAlsoRefusesPushesAfterStop() {
		runner().withPropertyValues("cloudflare.queues.batching.enabled=false").run((context) -> {
			QueuePublisher publisher = context.getBean(QueuePublisher.class);
			context.close();

			CompletableFuture<MessagePushResponse> push = publisher.pushText("late").toFuture();

			assertThat(push).isCompletedExceptionally();
			assertThat(failure(push)).isInstanceOf(PublisherClosedException.class);
		});

		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void aPublisherThatDoesNotBatchFailsPushesUnansweredAtTheShutdownTimeout(CapturedOutput output) {
		this.emulator.setFaultInjector(this.held);
		List<CompletableFuture<MessagePushResponse>> pushes = new ArrayList<>();
		runner()
			.withPropertyValues("cloudflare.queues.batching.enabled=false", "cloudflare.queues.shutdown-timeout=300ms")
			.run((context) -> {
				pushes.addAll(pushWithoutWaiting(context.getBean(QueuePublisher.class), 3));
				await().atMost(TIMEOUT).until(() -> this.held.arrived() == 3);
			});

		assertThat(pushes).allSatisfy((push) -> assertThat(push).isCompletedExceptionally());
		assertThat(pushes).allSatisfy((push) -> assertThat(failure(push)).isInstanceOf(PublisherClosedException.class));
		assertThat(output).containsPattern("WARN .*Queue 'default': 3 pushes still unanswered");
	}

	@Test
	void publishersStopAfterTheWebServerAndTheListenersAndBeforeTheHttpResources() {
		runner().run((context) -> {
			int phase = context.getBean(CloudflareQueuesPublisherLifecycle.class).getPhase();
			assertThat(phase).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048)
				.isLessThan(CloudflareQueuesPublisherLifecycle.LISTENER_CONTAINER_PHASE)
				.isGreaterThan(new ReactorResourceFactory().getPhase());
		});
	}

	/**
	 * HTTP resources of the application's own, released when the context stops (phase 0), as Boot's
	 * {@code ReactorResourceFactory} does in a web application.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnHttpResources {

		@Bean
		ReactorResourceFactory reactorResourceFactory() {
			ReactorResourceFactory factory = new ReactorResourceFactory();
			factory.setUseGlobalResources(false);
			factory.setShutdownQuietPeriod(Duration.ZERO);
			return factory;
		}

		@Bean
		ClientHttpConnectorBuilder<?> clientHttpConnectorBuilder(ReactorResourceFactory reactorResourceFactory) {
			return ClientHttpConnectorBuilder.reactor().withReactorResourceFactory(reactorResourceFactory);
		}

	}

	/**
	 * Pushes a message when the web server's graceful shutdown runs, as a request still being handled would.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PushingWhileWebServerDrains {

		@Bean
		SmartLifecycle drainingWebServer(QueuePublisher publisher) {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					this.running = true;
				}

				@Override
				public void stop() {
					publisher.pushText("pushed while draining").subscribe();
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

				@Override
				public int getPhase() {
					return SmartLifecycle.DEFAULT_PHASE - 1024;
				}

			};
		}

	}

}
