package io.github.cfqueues.client.metrics;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.TestPublishers;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Run in a class loader without micrometer-core: builds an observed client, pushes once and reports what it saw.
 */
public final class NoMicrometerCoreProbe {

	private NoMicrometerCoreProbe() {
	}

	public static String pushAndDescribe(String baseUrl) {
		ObservationRegistry registry = ObservationRegistry.create();
		AtomicInteger stopped = new AtomicInteger();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				stopped.incrementAndGet();
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		try (CloudflareQueuesClient client = CloudflareQueuesClient.builder()
			.baseUrl(URI.create(baseUrl))
			.accountId(TestPublishers.ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.observationRegistry(registry)
			.build()) {
			QueuePublisher publisher = client.publisher("orders", TestPublishers.QUEUE, QueuePublisherOptions.DEFAULTS);
			publisher.pushText("without micrometer-core").block(Duration.ofSeconds(10));
			return stopped.get() + " observation(s), backlog " + client.status("orders").backlog().backlogCount();
		}
	}

}
