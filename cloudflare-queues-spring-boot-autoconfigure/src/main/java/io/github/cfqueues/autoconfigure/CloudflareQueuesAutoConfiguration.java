package io.github.cfqueues.autoconfigure;

import java.net.URI;

import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.internal.publish.SimpleQueuePublisherRegistry;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiters;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration for publishing to Cloudflare Queues: a {@link QueuePublisher} bean per configured queue, a
 * {@link QueuePublisherRegistry}, and the HTTP client they share, built from the application's
 * {@link WebClient.Builder} so that its codecs, SSL bundles and HTTP observations apply.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, Mono.class, ClientHttpConnectorBuilder.class, JsonMapper.class })
@EnableConfigurationProperties(CloudflareQueuesProperties.class)
@Import(QueuePublisherBeanRegistrar.class)
public final class CloudflareQueuesAutoConfiguration {

	CloudflareQueuesAutoConfiguration(CloudflareQueuesProperties properties) {
		CloudflareQueuesPropertiesValidator.validate(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	CloudflareQueuesConnectionDetails cloudflareQueuesConnectionDetails(CloudflareQueuesProperties properties) {
		return new PropertiesCloudflareQueuesConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	CloudflareQueuesApi cloudflareQueuesApi(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, ResourceLoader resourceLoader,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<CloudflareQueuesWebClientCustomizer> customizers) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withConnectTimeout(properties.getConnectTimeout());
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(connectorBuilder
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()))
				.build(settings));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		URI baseUrl = connectionDetails.getBaseUrl();
		return new CloudflareQueuesApi(builder.build(), baseUrl, properties.getRequestTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	RetryPolicy cloudflareQueuesRetryPolicy(CloudflareQueuesProperties properties) {
		return new RetryPolicy(PublisherSettings.retry(properties));
	}

	@Bean
	@ConditionalOnMissingBean(name = "cloudflareQueuesBodySerializer")
	BodySerializer cloudflareQueuesBodySerializer(ObjectProvider<JsonMapper> jsonMapper) {
		return new JacksonBodySerializer(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	AccountRateLimiters cloudflareQueuesRateLimiters(CloudflareQueuesProperties properties) {
		CloudflareQueuesProperties.RateLimit rateLimit = properties.getRateLimit();
		return rateLimit.isEnabled() ? AccountRateLimiters.of(PublisherSettings.rateLimit(properties))
				: AccountRateLimiters.pausesOnly(rateLimit.getMaxWait(), rateLimit.getLockout());
	}

	@Bean(QueuePublisherBeanRegistrar.FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean
	CloudflareQueuesPublisherFactory cloudflareQueuesPublisherFactory(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, CloudflareQueuesApi api,
			BodySerializer cloudflareQueuesBodySerializer, RetryPolicy retryPolicy,
			ObjectProvider<RetryListener> retryListeners, AccountRateLimiters rateLimiters) {
		return new CloudflareQueuesPublisherFactory(properties, connectionDetails, api, cloudflareQueuesBodySerializer,
				retryPolicy, RetryListener.of(retryListeners.orderedStream().toList()), rateLimiters);
	}

	@Bean
	@ConditionalOnMissingBean
	CloudflareQueuesPublisherLifecycle cloudflareQueuesPublisherLifecycle(CloudflareQueuesProperties properties,
			CloudflareQueuesPublisherFactory cloudflareQueuesPublisherFactory) {
		return new CloudflareQueuesPublisherLifecycle(cloudflareQueuesPublisherFactory::created,
				properties.getShutdownTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	QueuePublisherRegistry queuePublisherRegistry(ObjectProvider<QueuePublisher> publishers) {
		return new SimpleQueuePublisherRegistry(publishers.orderedStream().toList());
	}

}
