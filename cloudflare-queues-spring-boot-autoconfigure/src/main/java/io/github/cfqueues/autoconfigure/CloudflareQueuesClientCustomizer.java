package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.client.CloudflareQueuesClient;

/**
 * Customizes the {@link CloudflareQueuesClient.Builder} the auto-configuration builds the client with, after it has
 * applied {@code cloudflare.queues.*}: for example to add a retry listener or change a setting no property covers.
 * Beans of this type are applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface CloudflareQueuesClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(CloudflareQueuesClient.Builder builder);

}
