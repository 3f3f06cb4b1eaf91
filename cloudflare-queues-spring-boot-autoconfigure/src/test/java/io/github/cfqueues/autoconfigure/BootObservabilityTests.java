package io.github.cfqueues.autoconfigure;

import java.time.Duration;

import io.github.cfqueues.autoconfigure.health.CloudflareQueuesHealthContributorAutoConfiguration;
import io.github.cfqueues.autoconfigure.metrics.CloudflareQueuesMetricsAutoConfiguration;
import io.github.cfqueues.autoconfigure.observation.CloudflareQueuesObservationAutoConfiguration;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.metrics.CloudflareQueuesMeters;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.github.cfqueues.client.metrics.MicrometerMetricsRecorder;
import io.github.cfqueues.client.observation.DefaultQueueOperationObservationConvention;
import io.github.cfqueues.client.observation.QueueOperationObservationConvention;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In an application with nothing but Boot's own observation, metrics and health auto-configurations, no registry or
 * bean of the application's: a push is observed and timed in the {@link MeterRegistry} Boot made, the client's
 * meters are registered there, and the queues' health contributor is in Boot's health registry. Our
 * auto-configurations run after Boot's, whatever the order they are listed in, so their conditions on Boot's beans
 * hold.
 */
class BootObservabilityTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private static final String QUEUE = "fedcba9876543210fedcba9876543210";

	private static final String TOKEN = "boot-observability-token-4242";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private CloudflareQueuesEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(TOKEN).queue(ACCOUNT, QUEUE).start();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	private ApplicationContextRunner runner() {
		// Ours first: the sorting, not the listing, must put them after Boot's.
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CloudflareQueuesHealthContributorAutoConfiguration.class,
					CloudflareQueuesMetricsAutoConfiguration.class, CloudflareQueuesObservationAutoConfiguration.class,
					CloudflareQueuesAutoConfiguration.class, ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, JacksonAutoConfiguration.class,
					CodecsAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.queue-id=" + QUEUE, "cloudflare.queues.base-url=" + this.emulator.baseUrl());
	}

	@Test
	void aPushIsObservedAndTimedInTheMeterRegistryBootMade() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(MeterRegistry.class)
				.getBean(QueueOperationObservationConvention.class)
				.isExactlyInstanceOf(DefaultQueueOperationObservationConvention.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry).isExactlyInstanceOf(SimpleMeterRegistry.class);

			context.getBean(QueuePublisher.class).pushText("observed").block(TIMEOUT);

			assertThat(registry.get("cloudflare.queues.operation")
				.tag("messaging.system", "cloudflare_queues")
				.tag("messaging.operation.name", "push")
				.tag("messaging.destination.name", "default")
				.tag("error.type", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("http.client.requests")
				.tag("uri", "/accounts/{account_id}/queues/{queue_id}/messages")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void theClientsMetersAreRegisteredInTheMeterRegistryBootMade() {
		runner().run((context) -> {
			assertThat(context).getBean(MetricsRecorder.class).isInstanceOf(MicrometerMetricsRecorder.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			context.getBean(QueuePublisher.class).pushText("counted").block(TIMEOUT);

			assertThat(registry.get(CloudflareQueuesMeters.MESSAGES_PUSHED)
				.tag(CloudflareQueuesMeters.QUEUE_TAG, "default")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get(CloudflareQueuesMeters.BACKLOG_MESSAGES)
				.tag(CloudflareQueuesMeters.QUEUE_TAG, "default")
				.gauge()
				.value()).isEqualTo(1);
			assertThat(registry.get(CloudflareQueuesMeters.FLOW_OUTSTANDING_MESSAGES)
				.tag(CloudflareQueuesMeters.QUEUE_TAG, "default")
				.gauge()
				.value()).isZero();
		});
	}

	@Test
	void onePropertyOfBootTurnsEveryMeterOfTheClientOff() {
		runner().withPropertyValues("management.metrics.enable.cloudflare.queues=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			context.getBean(QueuePublisher.class).pushText("uncounted").block(TIMEOUT);

			assertThat(registry.find("http.client.requests").timers()).hasSize(1);
			assertThat(registry.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("cloudflare."));
		});
	}

	@Test
	void theQueuesHealthIsInTheHealthRegistryBootMade() {
		runner().run((context) -> {
			HealthContributor contributor = context.getBean(HealthContributorRegistry.class)
				.getContributor("cloudflareQueues");
			assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
			HealthContributor queue = ((CompositeHealthContributor) contributor).getContributor("default");
			assertThat(queue).isInstanceOf(HealthIndicator.class);
			assertThat(((HealthIndicator) queue).health().getStatus()).isEqualTo(Status.UP);
		});
	}

}
