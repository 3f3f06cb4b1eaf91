package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.github.cfqueues.autoconfigure.local.CloudflareQueuesLocalAutoConfiguration;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.admin.QueueAdmin;
import io.github.cfqueues.client.admin.QueueInfo;
import io.github.cfqueues.client.listener.QueueMessageHandler;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.ConsumerSettings;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code queueAdmin} bean, queues configured by their Cloudflare name ({@code queue-name}, looked up once at
 * startup) and {@code consumer.create-if-missing}, against the emulator.
 */
class QueueAdminAutoConfigurationTests {

	private static final String ACCOUNT = CloudflareQueuesAutoConfigurationTests.ACCOUNT;

	private static final String TOKEN = CloudflareQueuesAutoConfigurationTests.TOKEN;

	private static final String ORDERS_ID = "0000000000000000000000000000000a";

	private static final String INVOICES_ID = "0000000000000000000000000000000b";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private CloudflareQueuesEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TOKEN)
			.queue(ACCOUNT, ORDERS_ID, "orders")
			.queue(ACCOUNT, INVOICES_ID, "invoices")
			.start();
		this.contextRunner = CloudflareQueuesAutoConfigurationTests.runner()
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.base-url=" + this.emulator.baseUrl());
	}

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	private List<RecordedRequest> requests(String method, String pathEnd) {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().endsWith(pathEnd))
			.toList();
	}

	@Test
	void theAccountsQueueAdminIsABean() {
		this.contextRunner.run((context) -> {
			QueueAdmin admin = context.getBean("queueAdmin", QueueAdmin.class);
			assertThat(admin.accountId()).isEqualTo(ACCOUNT);
			assertThat(admin).isSameAs(context.getBean(CloudflareQueuesClient.class).admin(ACCOUNT));
			assertThat(admin.listQueues().map(QueueInfo::queueName).collectList().block(TIMEOUT))
				.containsExactlyInAnyOrder("orders", "invoices");
		});
	}

	@Test
	void withoutAnAccountOrItsCredentialsThereIsNoQueueAdmin() {
		CloudflareQueuesAutoConfigurationTests.runner()
			.withPropertyValues("cloudflare.queues.base-url=" + this.emulator.baseUrl())
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(QueueAdmin.class));
		CloudflareQueuesAutoConfigurationTests.runner()
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(QueueAdmin.class));
	}

	@Test
	void anApplicationsOwnQueueAdminWins() {
		this.contextRunner.withUserConfiguration(OwnAdmin.class).run((context) -> assertThat(context)
			.getBean(QueueAdmin.class)
			.isSameAs(context.getBean(OwnAdmin.class).admin));
	}

	@Test
	void queuesConfiguredByNameAreLookedUpOnceAtStartup() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queue-name=orders",
					"cloudflare.queues.queues.invoices.queue-name=invoices")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean("queuePublisher", QueuePublisher.class).pushText("to orders").block(TIMEOUT);
				context.getBean("invoicesQueuePublisher", QueuePublisher.class).pushText("to invoices").block(TIMEOUT);

				assertThat(this.emulator.queue(ACCOUNT, ORDERS_ID).orElseThrow().messages()).singleElement()
					.satisfies((message) -> assertThat(message.body()).isEqualTo("to orders"));
				assertThat(this.emulator.queue(ACCOUNT, INVOICES_ID).orElseThrow().messages()).hasSize(1);
				assertThat(requests("GET", "/queues")).hasSize(1);
			});
	}

	@Test
	void anUnknownQueueNameFailsTheStartupNamingThePropertyAndTheQueuesThatExist() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queues.orders.queue-name=ordres").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.queues.orders.queue-name: No queue named 'ordres' in account "
						+ ACCOUNT)
				.hasMessageContaining("'orders'")
				.hasMessageContaining("'invoices'");
		});
	}

	@Test
	void aQueueNameAndAQueueIdTogetherAreRefused() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queues.orders.queue-name=orders",
					"cloudflare.queues.queues.orders.queue-id=" + ORDERS_ID)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.queues.orders.queue-name: the queue 'orders' has both a "
						+ "queue-id (cloudflare.queues.queues.orders.queue-id) and a queue-name; set one of them"));
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void anInvalidQueueNameIsRefusedBeforeAnyRequest() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-name=my orders")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.queue-name: A queue name may hold only letters, digits"));
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void createIfMissingCreatesTheHttpPullConsumerWithTheQueuesSettings() {
		EmulatedQueue orders = this.emulator.queue(ACCOUNT, ORDERS_ID).orElseThrow();
		orders.removeConsumer();
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queues.orders.queue-name=orders",
					"cloudflare.queues.queues.orders.consumer.create-if-missing=true",
					"cloudflare.queues.queues.orders.consumer.batch-size=25",
					"cloudflare.queues.queues.orders.consumer.visibility-timeout=2m",
					"cloudflare.queues.queues.orders.consumer.max-retries=7",
					"cloudflare.queues.queues.orders.consumer.retry.initial-delay=45s",
					"cloudflare.queues.queues.orders.consumer.dead-letter-queue=orders-dlq")
			.run((context) -> {
				QueuePublisher publisher = context.getBean("ordersQueuePublisher", QueuePublisher.class);
				publisher.pushText("hello").block(TIMEOUT);

				List<ReceivedMessage> pulled = context.getBean("ordersQueueConsumer", QueueConsumer.class)
					.pull()
					.block(TIMEOUT);

				assertThat(pulled).extracting(ReceivedMessage::bodyAsText).containsExactly("hello");
				assertThat(orders.consumer())
					.contains(new ConsumerSettings(25, 7, Duration.ofSeconds(45), Duration.ofMinutes(2), "orders-dlq"));
			});
	}

	@Test
	void aListenerOnAQueueWithoutHttpPullCreatesItWhenAskedAndHandlesItsMessages() {
		EmulatedQueue orders = this.emulator.queue(ACCOUNT, ORDERS_ID).orElseThrow();
		orders.removeConsumer();
		List<String> handled = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queues.orders.queue-id=" + ORDERS_ID,
					"cloudflare.queues.queues.orders.consumer.create-if-missing=true",
					"cloudflare.queues.queues.orders.consumer.handler=orderHandler",
					"cloudflare.queues.queues.orders.consumer.idle-interval=20ms",
					"cloudflare.queues.queues.orders.consumer.max-idle-interval=100ms",
					"cloudflare.queues.queues.orders.consumer.ack-max-wait=5ms")
			.withBean("orderHandler", QueueMessageHandler.class,
					() -> (message) -> Mono.fromRunnable(() -> handled.add(message.bodyAsText())))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean("ordersQueuePublisher", QueuePublisher.class).pushText("hello").block(TIMEOUT);

				await().atMost(TIMEOUT).until(() -> orders.acknowledged().size() == 1);
				assertThat(handled).containsExactly("hello");
				assertThat(orders.consumer()).isPresent();
				assertThat(requests("POST", "/consumers")).hasSize(1);
			});
	}

	@Test
	void withoutCreateIfMissingNoConsumerIsCreated() {
		EmulatedQueue orders = this.emulator.queue(ACCOUNT, ORDERS_ID).orElseThrow();
		orders.removeConsumer();
		this.contextRunner.withPropertyValues("cloudflare.queues.queues.orders.queue-id=" + ORDERS_ID)
			.run((context) -> {
				QueueConsumer consumer = context.getBean("ordersQueueConsumer", QueueConsumer.class);
				assertThat(consumer.pull().onErrorResume((ex) -> Mono.empty()).block(TIMEOUT)).isNull();
				assertThat(orders.consumer()).isEmpty();
				assertThat(requests("POST", "/consumers")).isEmpty();
			});
	}

	@Test
	void localModeHoldsQueuesConfiguredByNameUnderThatName() {
		CloudflareQueuesAutoConfigurationTests.runner()
			.withConfiguration(AutoConfigurations.of(CloudflareQueuesLocalAutoConfiguration.class))
			.withPropertyValues("cloudflare.queues.local.enabled=true", "cloudflare.queues.queue-name=orders",
					"cloudflare.queues.queues.archive.queue-name=orders-archive")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CloudflareQueuesEmulator local = context.getBean(CloudflareQueuesEmulator.class);
				context.getBean("queuePublisher", QueuePublisher.class).pushText("locally").block(TIMEOUT);
				QueueAdmin admin = context.getBean(QueueAdmin.class);

				assertThat(local.queues()).extracting(EmulatedQueue::name)
					.containsExactlyInAnyOrder("orders", "orders-archive");
				assertThat(local.queueByName(admin.accountId(), "orders").orElseThrow().messages()).hasSize(1);
				assertThat(admin.queueId("orders-archive").block(TIMEOUT))
					.isEqualTo(local.queueByName(admin.accountId(), "orders-archive").orElseThrow().queueId());
			});
	}

	@Test
	void manyQueuesByNameStillTakeOneListingPerHundredQueues() {
		IntStream.range(0, 150)
			.forEach((i) -> this.emulator.createQueue(ACCOUNT, "%032x".formatted(100 + i), "q" + i));
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queues.first.queue-name=q0",
					"cloudflare.queues.queues.last.queue-name=q149", "cloudflare.queues.queues.orders.queue-name=orders")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("lastQueuePublisher", QueuePublisher.class)).isNotNull();
				assertThat(requests("GET", "/queues")).hasSize(2);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnAdmin {

		final QueueAdmin admin = CloudflareQueuesClient.builder().build().admin("ffffffffffffffffffffffffffffffff",
				CloudflareCredentials.apiToken("own"));

		@Bean
		QueueAdmin ownAdmin() {
			return this.admin;
		}

	}

}
