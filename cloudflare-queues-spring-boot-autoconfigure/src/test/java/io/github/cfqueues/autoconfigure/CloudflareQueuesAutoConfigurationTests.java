package io.github.cfqueues.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The beans the auto-configuration creates from {@code cloudflare.queues.*}, and how the application's own beans
 * and settings take part.
 */
class CloudflareQueuesAutoConfigurationTests {

	static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	static final String TOKEN = "secret-token-value-0042";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				CodecsAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				CloudflareQueuesAutoConfiguration.class));
	}

	private final ApplicationContextRunner contextRunner = runner().withPropertyValues(
			"cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
			"cloudflare.queues.base-url=" + server.baseUrl() + "/client/v4");

	@BeforeEach
	void stubAccepts() {
		server.stubFor(post(urlMatching("/client/v4/accounts/.*")).willReturn(okJson("{\"success\":true}")));
	}

	@Test
	void createsNoPublisherWhenNoQueueIsConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(QueuePublisher.class);
			assertThat(context.getBean(QueuePublisherRegistry.class).names()).isEmpty();
		});
	}

	@Test
	void topLevelQueueIdBecomesThePrimaryDefaultPublisher() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.orders.queue-id=q2")
			.run((context) -> {
				assertThat(context).hasSingleBean(QueuePublisherRegistry.class);
				assertThat(context).getBeans(QueuePublisher.class).containsOnlyKeys("queuePublisher", "ordersQueuePublisher");
				BeanDefinition definition = context.getBeanFactory().getBeanDefinition("queuePublisher");
				assertThat(definition.isPrimary()).isTrue();
				assertThat(context.getBean(QueuePublisher.class).queueName()).isEqualTo("default");
				assertThat(context.getBean(QueuePublisher.class)).isInstanceOf(DefaultQueuePublisher.class);
			});
	}

	@Test
	void eachQueueGetsABeanWithItsQualifier() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.orders.queue-id=q2",
					"cloudflare.queues.queues.emails.queue-id=q3")
			.withUserConfiguration(QualifiedInjection.class)
			.run((context) -> {
				QualifiedInjection injected = context.getBean(QualifiedInjection.class);
				assertThat(injected.orders.queueName()).isEqualTo("orders");
				assertThat(injected.emails.queueName()).isEqualTo("emails");
				assertThat(injected.primary.queueName()).isEqualTo("default");
			});
	}

	@Test
	void registryFindsEveryPublisherAndListsKnownNamesForAnUnknownOne() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.orders.queue-id=q2",
					"cloudflare.queues.queues.emails.queue-id=q3")
			.run((context) -> {
				QueuePublisherRegistry registry = context.getBean(QueuePublisherRegistry.class);
				assertThat(registry.names()).containsExactly("default", "emails", "orders");
				assertThat(registry.get("orders")).isSameAs(context.getBean("ordersQueuePublisher"));
				assertThatIllegalArgumentException().isThrownBy(() -> registry.get("invoices"))
					.withMessageContaining("'invoices'")
					.withMessageContaining("[default, emails, orders]");
			});
	}

	@Test
	void publisherPushesToTheConfiguredQueueThroughTheApplicationsWebClientBuilder() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=q1")
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-From-Boot", "yes"))
			.withBean(CloudflareQueuesWebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-From-Queues", "yes"))
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("hi").block();
				server.verify(postRequestedFor(urlEqualTo("/client/v4/accounts/" + ACCOUNT + "/queues/q1/messages"))
					.withHeader("Authorization", equalTo("Bearer " + TOKEN))
					.withHeader("X-From-Boot", equalTo("yes"))
					.withHeader("X-From-Queues", equalTo("yes"))
					.withRequestBody(equalToJson("{\"body\":\"hi\",\"content_type\":\"text\"}")));
			});
	}

	@Test
	void queueSettingsAndItsOwnAccountAndCredentialsApply() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queues.emails.queue-id=q3",
					"cloudflare.queues.queues.emails.account-id=other00account",
					"cloudflare.queues.queues.emails.email=ops@example.com",
					"cloudflare.queues.queues.emails.api-key=legacy-key-77",
					"cloudflare.queues.queues.emails.content-type=text",
					"cloudflare.queues.queues.emails.delay=45s")
			.run((context) -> {
				context.getBean("emailsQueuePublisher", QueuePublisher.class).push(QueueMessage.of("welcome")).block();
				server.verify(postRequestedFor(urlEqualTo("/client/v4/accounts/other00account/queues/q3/messages"))
					.withHeader("X-Auth-Email", equalTo("ops@example.com"))
					.withHeader("X-Auth-Key", equalTo("legacy-key-77"))
					.withoutHeader("Authorization")
					.withRequestBody(
							equalToJson("{\"body\":\"welcome\",\"content_type\":\"text\",\"delay_seconds\":45}")));
			});
	}

	@Test
	void bodiesAreSerializedWithTheApplicationsJsonMapper() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=q1")
			.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushJson(new Order(7, "blue")).block();
				server.verify(postRequestedFor(urlEqualTo("/client/v4/accounts/" + ACCOUNT + "/queues/q1/messages"))
					.withRequestBody(equalToJson(
							"{\"body\":{\"order_id\":7,\"colour_name\":\"blue\"},\"content_type\":\"json\"}")));
			});
	}

	@Test
	void applicationBeansWin() {
		QueuePublisher own = new StubPublisher("orders");
		this.contextRunner.withPropertyValues("cloudflare.queues.queues.orders.queue-id=q2")
			.withBean("ordersQueuePublisher", QueuePublisher.class, () -> own)
			.withBean("ownClient", CloudflareQueuesClient.class,
					() -> CloudflareQueuesClient.builder().baseUrl(URI.create("http://127.0.0.1:1")).build())
			.withBean(CloudflareQueuesConnectionDetails.class, StubConnectionDetails::new)
			.run((context) -> {
				assertThat(context).getBean("ordersQueuePublisher").isSameAs(own);
				assertThat(context.getBean(QueuePublisherRegistry.class).get("orders")).isSameAs(own);
				assertThat(context).hasSingleBean(CloudflareQueuesClient.class)
					.hasSingleBean(CloudflareQueuesConnectionDetails.class);
				assertThat(context).getBean(CloudflareQueuesClient.class).isSameAs(context.getBean("ownClient"));
				assertThat(context.getBean(CloudflareQueuesConnectionDetails.class))
					.isInstanceOf(StubConnectionDetails.class);
			});
	}

	@Test
	void clientCustomizersAndRetryListenersShapeTheClient() {
		server.stubFor(post(urlMatching("/client/v4/accounts/.*/messages")).inScenario("customized")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("failed once")
			.willReturn(aResponse().withStatus(503)));
		server.stubFor(post(urlMatching("/client/v4/accounts/.*/messages")).inScenario("customized")
			.whenScenarioStateIs("failed once")
			.willReturn(okJson("{\"success\":true}")));
		List<String> told = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=q1", "cloudflare.queues.retry.max-attempts=1")
			.withBean(CloudflareQueuesClientCustomizer.class, () -> (builder) -> builder.retry(
					new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0, Duration.ofSeconds(1))))
			.withBean(RetryListener.class, () -> (failure, attempt, wait) -> told.add("retry " + attempt))
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("hi").block(Duration.ofSeconds(5));
				assertThat(told).containsExactly("retry 1");
			});
	}

	@Test
	void closingTheContextClosesTheClient() {
		AtomicReference<CloudflareQueuesClient> client = new AtomicReference<>();
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=q1")
			.run((context) -> client.set(context.getBean(CloudflareQueuesClient.class)));

		assertThat(client.get().isClosed()).isTrue();
	}

	@Test
	void replacedConnectionDetailsRedirectEveryPublisherWithTheirCredentials() {
		runner()
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.audit.queue-id=q4",
					"cloudflare.queues.queues.audit.account-id=other00account")
			.withBean(CloudflareQueuesConnectionDetails.class, () -> new StubConnectionDetails(server.baseUrl()))
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("x").block();
				context.getBean("auditQueuePublisher", QueuePublisher.class).pushText("y").block();
				server.verify(postRequestedFor(urlEqualTo("/client/v4/accounts/" + ACCOUNT + "/queues/q1/messages"))
					.withHeader("Authorization", equalTo("Bearer stub-token-for-" + ACCOUNT)));
				server.verify(postRequestedFor(urlEqualTo("/client/v4/accounts/other00account/queues/q4/messages"))
					.withHeader("Authorization", equalTo("Bearer stub-token-for-other00account")));
			});
	}

	@Test
	void replacedConnectionDetailsWithABaseUrlOverPlainHttpToAnotherHostFailTheStartup() {
		runner()
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.queue-id=q1")
			.withBean(CloudflareQueuesConnectionDetails.class,
					() -> new StubConnectionDetails("http://queues.example.com:8787"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("The base URL 'http://queues.example.com:8787' must use https"));
	}

	@Test
	void credentialsAreReadAtEveryRequestSoThatARebindingOfThePropertiesTakesEffect() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=q1").run((context) -> {
			context.getBean(QueuePublisher.class).pushText("before").block();
			context.getBean(CloudflareQueuesProperties.class).setApiToken("rotated-token-0043");
			context.getBean(QueuePublisher.class).pushText("after").block();
			server.verify(postRequestedFor(urlEqualTo("/client/v4/accounts/" + ACCOUNT + "/queues/q1/messages"))
				.withHeader("Authorization", equalTo("Bearer " + TOKEN))
				.withRequestBody(equalToJson("{\"body\":\"before\",\"content_type\":\"text\"}")));
			server.verify(postRequestedFor(urlEqualTo("/client/v4/accounts/" + ACCOUNT + "/queues/q1/messages"))
				.withHeader("Authorization", equalTo("Bearer rotated-token-0043"))
				.withRequestBody(equalToJson("{\"body\":\"after\",\"content_type\":\"text\"}")));
		});
	}

	@Test
	void credentialsBelongToAnAccountSoTwoSetsForOneAccountFailNamingTheSecond() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.orders.queue-id=q2",
					"cloudflare.queues.queues.orders.api-token=another-token-0099")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.api-token: the account "
						+ ACCOUNT + " has other credentials in cloudflare.queues.queues.orders. Credentials belong to "
						+ "an account: set them once for it, or give the queue an account-id of its own (the "
						+ "values are not shown)"));
	}

	@Test
	void createsNothingWithoutWebClient() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=q1")
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueuePublisher.class)
				.doesNotHaveBean(QueuePublisherRegistry.class)
				.doesNotHaveBean(CloudflareQueuesProperties.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedInjection {

		final QueuePublisher orders;

		final QueuePublisher emails;

		final QueuePublisher primary;

		QualifiedInjection(@Qualifier("orders") QueuePublisher orders, @Qualifier("emails") QueuePublisher emails,
				QueuePublisher primary) {
			this.orders = orders;
			this.emails = emails;
			this.primary = primary;
		}

		@Bean
		String marker() {
			return "injected";
		}

	}

	record Order(int orderId, String colourName) {
	}

	record StubPublisher(String queueName) implements QueuePublisher {

		@Override
		public Mono<MessagePushResponse> push(QueueMessage message) {
			return Mono.empty();
		}

		@Override
		public Mono<BatchPushResponse> pushBatch(List<QueueMessage> messages) {
			return Mono.empty();
		}

	}

	static final class StubConnectionDetails implements CloudflareQueuesConnectionDetails {

		private final String baseUrl;

		StubConnectionDetails() {
			this("http://127.0.0.1:1");
		}

		StubConnectionDetails(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		@Override
		public URI getBaseUrl() {
			return URI.create(this.baseUrl + "/client/v4");
		}

		@Override
		public CloudflareCredentials getCredentials(String accountId) {
			return CloudflareCredentials.apiToken("stub-token-for-" + accountId);
		}

	}

}
