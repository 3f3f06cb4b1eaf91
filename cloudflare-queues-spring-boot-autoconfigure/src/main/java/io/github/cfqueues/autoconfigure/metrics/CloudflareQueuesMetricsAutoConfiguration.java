package io.github.cfqueues.autoconfigure.metrics;

import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.github.cfqueues.client.metrics.MicrometerMetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Metrics of the Cloudflare Queues client, when the application has a {@link MeterRegistry}: the client reports its
 * queues' backlogs, flow control, rate limiters, batching, consumers and listeners to a
 * {@link MicrometerMetricsRecorder}, under the names of
 * {@link io.github.cfqueues.client.metrics.CloudflareQueuesMeters}.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ CloudflareQueuesClient.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
public final class CloudflareQueuesMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MetricsRecorder cloudflareQueuesMetricsRecorder(MeterRegistry meterRegistry) {
		return new MicrometerMetricsRecorder(meterRegistry);
	}

}
