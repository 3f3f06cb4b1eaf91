package io.github.cfqueues.autoconfigure.health;

import java.util.List;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties;
import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.client.CloudflareQueuesClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * A health contributor per queue of the {@link CloudflareQueuesClient}, named {@code cloudflareQueues}: each
 * configured queue, and each other queue the client made a publisher or consumer for. By default a queue's health
 * comes from the answers the application's own requests received, with no request of its own;
 * {@code cloudflare.queues.health.active=true} adds a metrics request per queue, cached for
 * {@code cloudflare.queues.health.cache-time}. {@code management.health.cloudflare-queues.enabled=false} turns it off.
 */
@AutoConfiguration(after = CloudflareQueuesAutoConfiguration.class)
@ConditionalOnClass({ CloudflareQueuesClient.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(CloudflareQueuesClient.class)
@ConditionalOnEnabledHealthIndicator("cloudflare-queues")
public final class CloudflareQueuesHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "cloudflareQueuesHealthIndicator", "cloudflareQueuesHealthContributor" })
	HealthContributor cloudflareQueuesHealthContributor(CloudflareQueuesClient cloudflareQueuesClient,
			CloudflareQueuesProperties properties, QueueEndpoints cloudflareQueuesEndpoints) {
		List<String> configured = List.copyOf(cloudflareQueuesEndpoints.names());
		CloudflareQueuesProperties.Health health = properties.getHealth();
		return new CloudflareQueuesHealthContributor(cloudflareQueuesClient, configured,
				health.isActive() ? new ActiveCheckSettings(health.getCacheTime(), health.getTimeout()) : null);
	}

}
