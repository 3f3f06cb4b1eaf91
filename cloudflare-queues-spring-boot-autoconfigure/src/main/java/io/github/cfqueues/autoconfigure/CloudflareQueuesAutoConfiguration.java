package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import io.github.cfqueues.client.RetryListener;
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
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration for publishing to Cloudflare Queues: a {@link CloudflareQueuesClient} built from
 * {@code cloudflare.queues.*} and the application's {@link WebClient.Builder} (so that its codecs, SSL bundles and
 * HTTP observations apply), a {@link QueuePublisher} bean per configured queue made by that client, and a
 * {@link QueuePublisherRegistry}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ CloudflareQueuesClient.class, WebClient.class, Mono.class, ClientHttpConnectorBuilder.class,
		JsonMapper.class })
@EnableConfigurationProperties(CloudflareQueuesProperties.class)
public final class CloudflareQueuesAutoConfiguration {

	CloudflareQueuesAutoConfiguration(CloudflareQueuesProperties properties) {
		CloudflareQueuesPropertiesValidator.validate(properties);
	}

	@Bean
	static QueuePublisherBeanRegistrar cloudflareQueuesPublisherBeans() {
		return new QueuePublisherBeanRegistrar();
	}

	@Bean
	@ConditionalOnMissingBean
	CloudflareQueuesConnectionDetails cloudflareQueuesConnectionDetails(CloudflareQueuesProperties properties) {
		return new PropertiesCloudflareQueuesConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(name = "cloudflareQueuesBodySerializer")
	BodySerializer cloudflareQueuesBodySerializer(ObjectProvider<JsonMapper> jsonMapper) {
		return new JacksonBodySerializer(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	CloudflareQueuesClient cloudflareQueuesClient(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, ResourceLoader resourceLoader,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<CloudflareQueuesWebClientCustomizer> webClientCustomizers,
			BodySerializer cloudflareQueuesBodySerializer, ObjectProvider<RetryListener> retryListeners,
			ObjectProvider<CloudflareQueuesClientCustomizer> customizers) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withConnectTimeout(properties.getConnectTimeout());
		WebClient.Builder webClient = webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(connectorBuilder
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()))
				.build(settings));
		webClientCustomizers.orderedStream().forEach((customizer) -> customizer.customize(webClient));
		CloudflareQueuesClient.Builder builder = ClientSettings.builder(properties)
			.webClientBuilder(webClient)
			.baseUrl(connectionDetails.getBaseUrl())
			.bodySerializer(cloudflareQueuesBodySerializer);
		retryListeners.orderedStream().forEach(builder::retryListener);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	QueueEndpoints cloudflareQueuesEndpoints(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails) {
		return new QueueEndpoints(properties, connectionDetails);
	}

	@Bean(QueuePublisherBeanRegistrar.FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean
	CloudflareQueuesPublisherFactory cloudflareQueuesPublisherFactory(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, QueueEndpoints cloudflareQueuesEndpoints,
			CloudflareQueuesClient cloudflareQueuesClient) {
		return new CloudflareQueuesPublisherFactory(properties, connectionDetails, cloudflareQueuesEndpoints,
				cloudflareQueuesClient);
	}

	@Bean
	@ConditionalOnMissingBean
	CloudflareQueuesPublisherLifecycle cloudflareQueuesPublisherLifecycle(CloudflareQueuesProperties properties,
			CloudflareQueuesClient cloudflareQueuesClient) {
		return new CloudflareQueuesPublisherLifecycle(cloudflareQueuesClient::shutdown,
				properties.getShutdownTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	QueuePublisherRegistry queuePublisherRegistry(ObjectProvider<QueuePublisher> publishers) {
		return QueuePublisherRegistry.of(publishers.orderedStream().toList());
	}

}
