package io.github.cfqueues.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

import io.github.cfqueues.client.listener.DefaultQueueListenerContainerFactory;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerContainer;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients built through the public builder against an emulator, with the observation registry (for the client and its
 * {@link WebClient} alike) and the builder settings a test asks for, pacing off and no retries unless asked.
 */
public final class InstrumentedClients {

	private final CloudflareQueuesEmulator emulator;

	private @Nullable ObservationRegistry registry;

	private UnaryOperator<CloudflareQueuesClient.Builder> customizer = UnaryOperator.identity();

	private InstrumentedClients(CloudflareQueuesEmulator emulator) {
		this.emulator = emulator;
	}

	public static InstrumentedClients on(CloudflareQueuesEmulator emulator) {
		return new InstrumentedClients(emulator);
	}

	public InstrumentedClients observedBy(ObservationRegistry registry) {
		this.registry = registry;
		return this;
	}

	public InstrumentedClients with(UnaryOperator<CloudflareQueuesClient.Builder> customizer) {
		UnaryOperator<CloudflareQueuesClient.Builder> before = this.customizer;
		this.customizer = (builder) -> customizer.apply(before.apply(builder));
		return this;
	}

	public CloudflareQueuesClient build() {
		WebClient.Builder webClient = WebClient.builder();
		if (this.registry != null) {
			webClient.observationRegistry(this.registry);
		}
		CloudflareQueuesClient.Builder builder = CloudflareQueuesClient.builder()
			.webClient(webClient.build())
			.baseUrl(URI.create("http://127.0.0.1:" + this.emulator.port() + "/client/v4"))
			.accountId(TestPublishers.ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.retry(RetrySettings.none())
			.rateLimitPacing(false)
			.observationRegistry(this.registry);
		return this.customizer.apply(builder).build();
	}

	/**
	 * A listener container on a consumer of the client, not started.
	 * @param client the client
	 * @param endpoint the listener
	 * @param settings its settings
	 * @return the container
	 */
	public static QueueListenerContainer container(CloudflareQueuesClient client, QueueListenerEndpoint endpoint,
			ListenerSettings settings) {
		return container(client, TestPublishers.QUEUE, endpoint, settings,
				QueueConsumerOptions.builder().batchSize(10).visibilityTimeout(Duration.ofSeconds(30)).build());
	}

	/**
	 * A listener container on a consumer of the client with the given options, not started.
	 * @param client the client
	 * @param queueId the queue's id
	 * @param endpoint the listener
	 * @param settings its settings
	 * @param options the consumer's options
	 * @return the container
	 */
	public static QueueListenerContainer container(CloudflareQueuesClient client, String queueId,
			QueueListenerEndpoint endpoint, ListenerSettings settings, QueueConsumerOptions options) {
		QueueConsumer consumer = client.consumer(endpoint.queueName(), queueId, options);
		return new DefaultQueueListenerContainerFactory((name) -> consumer, (name) -> settings).create(endpoint);
	}

}
