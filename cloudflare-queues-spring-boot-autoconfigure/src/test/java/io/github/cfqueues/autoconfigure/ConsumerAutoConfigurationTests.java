package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueRegistry;
import io.github.cfqueues.client.ReceivedMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A {@link QueueConsumer} bean per configured queue, named and qualified as the publishers are, shaped by
 * {@code queues.<name>.consumer.*}, found by the {@link QueueRegistry}, and flushed when the context closes.
 */
class ConsumerAutoConfigurationTests {

	private static final String ACCOUNT = CloudflareQueuesAutoConfigurationTests.ACCOUNT;

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = CloudflareQueuesAutoConfigurationTests.runner()
		.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT,
				"cloudflare.queues.api-token=" + CloudflareQueuesAutoConfigurationTests.TOKEN,
				"cloudflare.queues.base-url=" + server.baseUrl() + "/client/v4", "cloudflare.queues.queue-id=q1",
				"cloudflare.queues.queues.orders.queue-id=q2");

	@BeforeEach
	void stubPullAndAck() {
		server.stubFor(post(urlEqualTo(path("q2", "pull"))).willReturn(okJson("""
				{"success":true,"result":{"messages":[{"id":"m1","body":"hi","attempts":1,"lease_id":"l1",
				 "metadata":{"CF-Content-Type":"text"}}]}}""")));
		server.stubFor(post(urlEqualTo(path("q2", "ack")))
			.willReturn(okJson("{\"success\":true,\"result\":{\"ackCount\":1}}")));
	}

	private static String path(String queue, String operation) {
		return "/client/v4/accounts/" + ACCOUNT + "/queues/" + queue + "/messages/" + operation;
	}

	@Test
	void eachQueueGetsAConsumerBeanWithItsQualifierAndTheDefaultOneIsPrimary() {
		this.contextRunner.withUserConfiguration(QualifiedConsumers.class).run((context) -> {
			assertThat(context).getBeans(QueueConsumer.class).containsOnlyKeys("queueConsumer", "ordersQueueConsumer");
			assertThat(context.getBeanFactory().getBeanDefinition("queueConsumer").isPrimary()).isTrue();
			QualifiedConsumers injected = context.getBean(QualifiedConsumers.class);
			assertThat(injected.orders.queueName()).isEqualTo("orders");
			assertThat(injected.primary.queueName()).isEqualTo("default");
		});
	}

	@Test
	void theRegistryFindsConsumersAndPublishersByName() {
		this.contextRunner.run((context) -> {
			QueueRegistry registry = context.getBean(QueueRegistry.class);
			assertThat(registry.names()).containsExactly("default", "orders");
			assertThat(registry.consumer("orders")).isSameAs(context.getBean("ordersQueueConsumer"));
			assertThat(registry.publisher("orders")).isSameAs(context.getBean("ordersQueuePublisher"));
			assertThatIllegalArgumentException().isThrownBy(() -> registry.consumer("invoices"))
				.withMessage("No consumer for a Cloudflare queue named 'invoices' is configured; known queues: "
						+ "[default, orders]");
		});
	}

	@Test
	void theQueuesConsumerPropertiesShapeItsPulls() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queues.orders.consumer.batch-size=42",
					"cloudflare.queues.queues.orders.consumer.visibility-timeout=2m")
			.run((context) -> {
				List<ReceivedMessage> messages = context.getBean("ordersQueueConsumer", QueueConsumer.class)
					.pull()
					.block(Duration.ofSeconds(5));
				assertThat(messages).extracting(ReceivedMessage::bodyAsText).containsExactly("hi");
				server.verify(postRequestedFor(urlEqualTo(path("q2", "pull")))
					.withRequestBody(equalToJson("{\"batch_size\":42,\"visibility_timeout_ms\":120000}")));
			});
	}

	@Test
	void closingTheContextSendsTheSettlementsStillGathered() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queues.orders.consumer.ack-max-wait=10m")
			.run((context) -> {
				QueueConsumer consumer = context.getBean("ordersQueueConsumer", QueueConsumer.class);
				consumer.pull().block(Duration.ofSeconds(5)).get(0).ack().subscribe();
				assertThat(server.findAll(postRequestedFor(urlEqualTo(path("q2", "ack"))))).isEmpty();
			});

		server.verify(1, postRequestedFor(urlEqualTo(path("q2", "ack")))
			.withRequestBody(equalToJson("{\"acks\":[{\"lease_id\":\"l1\"}],\"retries\":[]}")));
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedConsumers {

		final QueueConsumer orders;

		final QueueConsumer primary;

		QualifiedConsumers(@Qualifier("orders") QueueConsumer orders, QueueConsumer primary) {
			this.orders = orders;
			this.primary = primary;
		}

	}

}
