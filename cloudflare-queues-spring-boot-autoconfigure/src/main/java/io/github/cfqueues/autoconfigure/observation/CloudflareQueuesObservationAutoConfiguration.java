package io.github.cfqueues.autoconfigure.observation;

import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.observation.DefaultQueueListenerObservationConvention;
import io.github.cfqueues.client.observation.DefaultQueueOperationObservationConvention;
import io.github.cfqueues.client.observation.QueueListenerObservationConvention;
import io.github.cfqueues.client.observation.QueueOperationObservationConvention;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The conventions of the Cloudflare Queues client's observations, when the application has an
 * {@link ObservationRegistry}: the client observes each request to a queue and each message a listener handles with
 * them. Define a {@link QueueOperationObservationConvention} or {@link QueueListenerObservationConvention} bean of
 * your own to replace one.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ CloudflareQueuesClient.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class CloudflareQueuesObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueueOperationObservationConvention cloudflareQueuesOperationObservationConvention() {
		return new DefaultQueueOperationObservationConvention();
	}

	@Bean
	@ConditionalOnMissingBean
	QueueListenerObservationConvention cloudflareQueuesListenerObservationConvention() {
		return new DefaultQueueListenerObservationConvention();
	}

}
