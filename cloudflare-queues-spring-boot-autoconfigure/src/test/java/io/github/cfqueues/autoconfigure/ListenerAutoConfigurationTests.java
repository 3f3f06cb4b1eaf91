package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.listener.QueueListener;
import io.github.cfqueues.client.listener.QueueListenerContainerRegistry;
import io.github.cfqueues.client.listener.QueueMessageHandler;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners in a Spring Boot application: {@code @QueueListener} beans and handlers bound by property run with their
 * queue's {@code consumer.*} settings, an unknown queue stops the startup naming it, and the containers stop before
 * the publishers flush.
 */
class ListenerAutoConfigurationTests {

	private static final String ACCOUNT = CloudflareQueuesAutoConfigurationTests.ACCOUNT;

	private static final String QUEUE = "fedcba9876543210fedcba9876543210";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private CloudflareQueuesEmulator emulator;

	private EmulatedQueue queue;

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(CloudflareQueuesAutoConfigurationTests.TOKEN)
			.queue(ACCOUNT, QUEUE, "orders")
			.start();
		this.queue = this.emulator.queue(ACCOUNT, QUEUE).orElseThrow();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	private ApplicationContextRunner runner() {
		return CloudflareQueuesAutoConfigurationTests.runner()
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT,
					"cloudflare.queues.api-token=" + CloudflareQueuesAutoConfigurationTests.TOKEN,
					"cloudflare.queues.base-url=" + this.emulator.baseUrl(),
					"cloudflare.queues.rate-limit.enabled=false", "cloudflare.queues.queues.orders.queue-id=" + QUEUE,
					"cloudflare.queues.queues.orders.consumer.idle-interval=20ms",
					"cloudflare.queues.queues.orders.consumer.max-idle-interval=100ms",
					"cloudflare.queues.queues.orders.consumer.ack-max-wait=5ms");
	}

	@Test
	void aQueueListenerBeanHandlesTheQueuesMessages() {
		runner().withBean(Listener.class).run((context) -> {
			context.getBean("ordersQueuePublisher", QueuePublisher.class)
				.pushBatch(List.of(QueueMessage.text("one"), QueueMessage.text("two")))
				.block(TIMEOUT);

			await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 2);
			assertThat(context.getBean(Listener.class).texts).containsExactlyInAnyOrder("one", "two");
		});
	}

	@Test
	void aHandlerBeanBoundByPropertyIsRunAsTheQueuesListener() {
		List<String> handled = new CopyOnWriteArrayList<>();
		runner().withPropertyValues("cloudflare.queues.queues.orders.consumer.handler=orderHandler")
			.withBean("orderHandler", QueueMessageHandler.class,
					() -> (message) -> Mono.fromRunnable(() -> handled.add(message.bodyAsText())))
			.run((context) -> {
				context.getBean("ordersQueuePublisher", QueuePublisher.class).pushText("by property").block(TIMEOUT);

				await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1);
				assertThat(handled).containsExactly("by property");
				assertThat(context.getBean(QueueListenerContainerRegistry.class).container("orders.orderHandler"))
					.isNotNull();
			});
	}

	@Test
	void aHandlerPropertyNamingNoBeanStopsTheStartupNamingTheProperty() {
		runner().withPropertyValues("cloudflare.queues.queues.orders.consumer.handler=missing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasMessageContaining("cloudflare.queues.queues.orders.consumer.handler")
				.hasMessageContaining("no QueueMessageHandler bean is named 'missing'");
		});
	}

	@Test
	void aListenerOfAnUnknownQueueStopsTheStartupNamingIt() {
		runner().withBean(UnknownQueueListener.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("queue=invoices")
				.hasMessageContaining("'invoices'")
				.hasMessageContaining("known queues: [orders]");
		});
	}

	@Test
	void aQueueWhoseListenersDoNotStartWithTheApplicationCanBeStartedById() {
		runner().withPropertyValues("cloudflare.queues.queues.orders.consumer.auto-startup=false")
			.withBean(Listener.class)
			.run((context) -> {
				QueueListenerContainerRegistry registry = context.getBean(QueueListenerContainerRegistry.class);
				context.getBean("ordersQueuePublisher", QueuePublisher.class).pushText("waiting").block(TIMEOUT);
				Thread.sleep(300);
				assertThat(registry.container("listenerAutoConfigurationTests.Listener.handle").isRunning()).isFalse();
				assertThat(this.queue.messages()).extracting(StoredMessage::body).containsExactly("waiting");

				registry.container("listenerAutoConfigurationTests.Listener.handle").start();
				await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1);
			});
	}

	@Test
	void theListenersStopBeforeThePublishersFlush() {
		runner().run((context) -> assertThat(context.getBean(QueueListenerContainerRegistry.class).getPhase())
			.isGreaterThan(context.getBean(CloudflareQueuesPublisherLifecycle.class).getPhase()));
	}

	@Test
	void anExecutorBeanNamedQueueListenerTaskExecutorRunsEveryListenersHandlers() {
		runner().withBean(ThreadRecordingListener.class)
			.withBean(CloudflareQueuesAutoConfiguration.QUEUE_LISTENER_TASK_EXECUTOR_BEAN_NAME,
					ThreadPoolTaskExecutor.class, () -> {
						ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
						executor.setThreadNamePrefix("application-executor-");
						return executor;
					})
			.run((context) -> {
				pushTwo(context);
				await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 2);
				assertThat(context.getBean(ThreadRecordingListener.class).threads).hasSize(2)
					.allSatisfy((name) -> assertThat(name).startsWith("application-executor-"));
			});
	}

	@Test
	void withoutAQueueListenerTaskExecutorEachListenerRunsOnThreadsOfItsOwn() {
		runner().withBean(ThreadRecordingListener.class)
			.withBean("someOtherExecutor", ThreadPoolTaskExecutor.class, () -> {
				ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
				executor.setThreadNamePrefix("application-executor-");
				return executor;
			})
			.run((context) -> {
				pushTwo(context);
				await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 2);
				assertThat(context.getBean(ThreadRecordingListener.class).threads).hasSize(2)
					.allSatisfy((name) -> assertThat(name)
						.startsWith("cf-queues-listener-listenerAutoConfigurationTests.ThreadRecordingListener.handle-"));
			});
	}

	private void pushTwo(AssertableApplicationContext context) {
		context.getBean("ordersQueuePublisher", QueuePublisher.class)
			.pushBatch(List.of(QueueMessage.text("one"), QueueMessage.text("two")))
			.block(TIMEOUT);
	}

	static class Listener {

		final List<String> texts = new CopyOnWriteArrayList<>();

		@QueueListener("orders")
		void handle(String text) {
			this.texts.add(text);
		}

	}

	static class ThreadRecordingListener {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@QueueListener("orders")
		void handle(String text) {
			this.threads.add(Thread.currentThread().getName());
		}

	}

	static class UnknownQueueListener {

		@QueueListener("invoices")
		void handle(String text) {
		}

	}

}
