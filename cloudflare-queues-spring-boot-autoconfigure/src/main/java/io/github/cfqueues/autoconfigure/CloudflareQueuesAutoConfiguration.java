package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import io.github.cfqueues.client.QueueRegistry;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.admin.QueueAdmin;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.github.cfqueues.client.observation.QueueListenerObservationConvention;
import io.github.cfqueues.client.observation.QueueOperationObservationConvention;
import io.micrometer.observation.ObservationRegistry;
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
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration for Cloudflare Queues: a {@link CloudflareQueuesClient} built from {@code cloudflare.queues.*}
 * and the application's {@link WebClient.Builder} (so that its codecs, SSL bundles and HTTP observations apply), a
 * {@link QueuePublisher} and a {@link QueueConsumer} bean per configured queue made by that client, and the
 * registries that find them by name. With an {@link ObservationRegistry} bean the client observes its requests and
 * listeners; with a {@link MetricsRecorder} bean it reports its machinery.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ CloudflareQueuesClient.class, WebClient.class, Mono.class, ClientHttpConnectorBuilder.class,
		JsonMapper.class })
@EnableConfigurationProperties(CloudflareQueuesProperties.class)
@Import(CloudflareQueuesListenerConfiguration.class)
public final class CloudflareQueuesAutoConfiguration {

	/**
	 * The name of an {@link java.util.concurrent.Executor} bean (such as a {@code TaskExecutor}) that, when the
	 * application defines one, runs the handlers of every listener instead of threads of each listener's own; each
	 * listener still hands it at most {@code consumer.concurrency} handlers at once, and the application owns its
	 * lifecycle.
	 */
	public static final String QUEUE_LISTENER_TASK_EXECUTOR_BEAN_NAME = "queueListenerTaskExecutor";

	CloudflareQueuesAutoConfiguration(CloudflareQueuesProperties properties) {
		CloudflareQueuesPropertiesValidator.validate(properties);
	}

	@Bean
	static QueueBeanRegistrar cloudflareQueuesBeanRegistrar() {
		return new QueueBeanRegistrar();
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
			BodySerializer cloudflareQueuesBodySerializer, QueueEndpoints cloudflareQueuesEndpoints,
			ObjectProvider<RetryListener> retryListeners, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<QueueOperationObservationConvention> observationConvention,
			ObjectProvider<QueueListenerObservationConvention> listenerObservationConvention,
			ObjectProvider<MetricsRecorder> metricsRecorder, ObjectProvider<CloudflareQueuesClientCustomizer> customizers) {
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
		String accountId = QueueEndpoints.defaultAccountId(properties, connectionDetails);
		if (accountId != null) {
			builder.accountId(accountId).credentials(cloudflareQueuesEndpoints.credentials(accountId));
		}
		retryListeners.orderedStream().forEach(builder::retryListener);
		observationRegistry.ifAvailable(builder::observationRegistry);
		observationConvention.ifAvailable(builder::observationConvention);
		listenerObservationConvention.ifAvailable(builder::listenerObservationConvention);
		metricsRecorder.ifAvailable(builder::metricsRecorder);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	QueueEndpoints cloudflareQueuesEndpoints(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, ObjectProvider<CloudflareQueuesClient> client) {
		return new QueueEndpoints(properties, connectionDetails, new ClientQueueIdLookup(client));
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnDefaultAccountCondition.class)
	QueueAdmin queueAdmin(CloudflareQueuesProperties properties, CloudflareQueuesConnectionDetails connectionDetails,
			QueueEndpoints cloudflareQueuesEndpoints, CloudflareQueuesClient cloudflareQueuesClient) {
		String accountId = QueueEndpoints.defaultAccountId(properties, connectionDetails);
		if (accountId == null) {
			throw new InvalidCloudflareQueuesPropertyException(CloudflareQueuesProperties.PREFIX + ".account-id",
					"the queueAdmin bean manages this account, and it is not set");
		}
		return cloudflareQueuesClient.admin(accountId, cloudflareQueuesEndpoints.credentials(accountId));
	}

	@Bean(QueueBeanRegistrar.BEANS_NAME)
	@ConditionalOnMissingBean
	CloudflareQueuesBeans cloudflareQueuesBeans(CloudflareQueuesProperties properties,
			CloudflareQueuesConnectionDetails connectionDetails, QueueEndpoints cloudflareQueuesEndpoints,
			CloudflareQueuesClient cloudflareQueuesClient) {
		return new CloudflareQueuesBeans(properties, connectionDetails, cloudflareQueuesEndpoints,
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

	@Bean
	@ConditionalOnMissingBean
	QueueRegistry queueRegistry(ObjectProvider<QueuePublisher> publishers, ObjectProvider<QueueConsumer> consumers) {
		return QueueRegistry.of(publishers.orderedStream().toList(), consumers.orderedStream().toList());
	}

}
