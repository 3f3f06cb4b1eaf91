package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.RetryListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the publishers touches only those that exist, always ends its phase, and the application's retry
 * listeners are all told.
 */
class CloudflareQueuesPublisherLifecycleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void stoppingALazyContextCreatesNoPublisher() {
		List<String> created = new CopyOnWriteArrayList<>();
		CloudflareQueuesAutoConfigurationTests.runner()
			.withInitializer((context) -> context.addBeanFactoryPostProcessor(
					new LazyInitializationBeanFactoryPostProcessor()))
			.withBean("recorder", BeanPostProcessor.class, () -> new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof QueuePublisher) {
						created.add(beanName);
					}
					return bean;
				}

			})
			.withPropertyValues("cloudflare.queues.account-id=" + CloudflareQueuesAutoConfigurationTests.ACCOUNT,
					"cloudflare.queues.api-token=" + CloudflareQueuesAutoConfigurationTests.TOKEN,
					"cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.orders.queue-id=q2",
					"cloudflare.queues.queues.orders.batching.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.close();
			});

		assertThat(created).isEmpty();
	}

	@Test
	void thePhaseEndsWhenThePublishersAreShutDown() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		CloudflareQueuesPublisherLifecycle lifecycle = new CloudflareQueuesPublisherLifecycle(
				(timeout) -> Mono.fromRunnable(() -> events.add("shut down within " + timeout)), TIMEOUT);
		lifecycle.start();
		CountDownLatch ended = new CountDownLatch(1);

		lifecycle.stop(() -> {
			events.add("phase ended");
			ended.countDown();
		});

		assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(events).containsExactly("shut down within PT5S", "phase ended");
		assertThat(lifecycle.isRunning()).isFalse();
	}

	@Test
	void thePhaseEndsWhenShuttingDownFails() throws Exception {
		CloudflareQueuesPublisherLifecycle lifecycle = new CloudflareQueuesPublisherLifecycle(
				(timeout) -> Mono.error(new IllegalStateException("failed")), TIMEOUT);
		CountDownLatch ended = new CountDownLatch(1);

		lifecycle.stop(ended::countDown);

		assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void thePhaseEndsWhenShuttingDownThrows() throws Exception {
		CloudflareQueuesPublisherLifecycle lifecycle = new CloudflareQueuesPublisherLifecycle((timeout) -> {
			throw new IllegalStateException("broken");
		}, TIMEOUT);
		CountDownLatch ended = new CountDownLatch(1);

		lifecycle.stop(ended::countDown);

		assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void everyRetryListenerBeanIsToldOfEachRetry() {
		server.stubFor(post(urlMatching("/client/v4/accounts/.*/messages"))
			.inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("failed once")
			.willReturn(aResponse().withStatus(503)));
		server.stubFor(post(urlMatching("/client/v4/accounts/.*/messages"))
			.inScenario("retry")
			.whenScenarioStateIs("failed once")
			.willReturn(okJson("{\"success\":true}")));
		List<String> told = new CopyOnWriteArrayList<>();
		CloudflareQueuesAutoConfigurationTests.runner()
			.withPropertyValues("cloudflare.queues.account-id=" + CloudflareQueuesAutoConfigurationTests.ACCOUNT,
					"cloudflare.queues.api-token=" + CloudflareQueuesAutoConfigurationTests.TOKEN,
					"cloudflare.queues.base-url=" + server.baseUrl()
							+ "/client/v4",
					"cloudflare.queues.queue-id=q1", "cloudflare.queues.retry.initial-backoff=1ms")
			.withBean("first", RetryListener.class, () -> (failure, attempt, wait) -> told.add("first " + attempt))
			.withBean("second", RetryListener.class, () -> (failure, attempt, wait) -> told.add("second " + attempt))
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("m").block(TIMEOUT);
				assertThat(told).containsExactlyInAnyOrder("first 1", "second 1");
			});
	}

}
