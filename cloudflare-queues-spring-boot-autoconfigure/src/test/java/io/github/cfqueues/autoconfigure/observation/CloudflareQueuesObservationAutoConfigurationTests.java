package io.github.cfqueues.autoconfigure.observation;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.observation.DefaultQueueListenerObservationConvention;
import io.github.cfqueues.client.observation.DefaultQueueOperationObservationConvention;
import io.github.cfqueues.client.observation.QueueListenerObservationConvention;
import io.github.cfqueues.client.observation.QueueOperationContext;
import io.github.cfqueues.client.observation.QueueOperationObservationConvention;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an {@link ObservationRegistry} bean, the client observes its requests with the default conventions or the
 * application's, through the application's registry, and Boot's HTTP client observation nests inside.
 */
class CloudflareQueuesObservationAutoConfigurationTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, CloudflareQueuesAutoConfiguration.class,
				CloudflareQueuesObservationAutoConfiguration.class))
		.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=token-0042",
				"cloudflare.queues.queue-id=q1", "cloudflare.queues.base-url=" + server.baseUrl() + "/client/v4",
				"cloudflare.queues.rate-limit.enabled=false");

	@BeforeEach
	void stubAccepts() {
		server.stubFor(post(urlMatching("/client/v4/accounts/.*")).willReturn(okJson("{\"success\":true}")));
	}

	@Test
	void withoutAnObservationRegistryNoConventionIsDefinedAndNothingIsObserved() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueOperationObservationConvention.class)
				.doesNotHaveBean(QueueListenerObservationConvention.class);
			context.getBean(QueuePublisher.class).pushText("unobserved").block(Duration.ofSeconds(10));
		});
	}

	@Test
	void withAnObservationRegistryTheDefaultConventionsAreDefined() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			assertThat(context).getBean(QueueOperationObservationConvention.class)
				.isExactlyInstanceOf(DefaultQueueOperationObservationConvention.class);
			assertThat(context).getBean(QueueListenerObservationConvention.class)
				.isExactlyInstanceOf(DefaultQueueListenerObservationConvention.class);
		});
	}

	@Test
	void aPushIsObservedInTheApplicationsRegistryWithBootsHttpObservationInsideAndAUriTemplate() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebClientObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("observed").block(Duration.ofSeconds(10));

				assertThat(registry).hasObservationWithNameEqualTo("cloudflare.queues.operation")
					.that()
					.hasBeenStopped()
					.hasContextualNameEqualTo("push default")
					.hasLowCardinalityKeyValue("messaging.destination.name", "default")
					.hasLowCardinalityKeyValue("messaging.operation.name", "push")
					.hasLowCardinalityKeyValue("error.type", "none");
				assertThat(registry).hasObservationWithNameEqualTo("http.client.requests")
					.that()
					.hasLowCardinalityKeyValue("uri", "/accounts/{account_id}/queues/{queue_id}/messages")
					.hasParentObservationContextMatching(
							(parent) -> "cloudflare.queues.operation".equals(parent.getName()));
			});
	}

	@Test
	void aConventionOfTheApplicationReplacesTheDefault() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(QueueOperationObservationConvention.class, () -> new DefaultQueueOperationObservationConvention() {

				@Override
				public String getName() {
					return "checkout.queue";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(QueueOperationContext context) {
					return super.getLowCardinalityKeyValues(context).and(KeyValue.of("team", "checkout"));
				}

			})
			.run((context) -> {
				assertThat(context).getBeans(QueueOperationObservationConvention.class).hasSize(1);
				context.getBean(QueuePublisher.class).pushText("renamed").block(Duration.ofSeconds(10));

				assertThat(registry).hasObservationWithNameEqualTo("checkout.queue")
					.that()
					.hasLowCardinalityKeyValue("team", "checkout");
			});
	}

	@Test
	void withoutMicrometerObservationOnTheClasspathTheConventionsBackOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(QueueOperationObservationConvention.class));
	}

}
