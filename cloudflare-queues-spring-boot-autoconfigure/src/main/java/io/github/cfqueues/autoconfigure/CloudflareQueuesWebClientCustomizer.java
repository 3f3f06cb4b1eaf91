package io.github.cfqueues.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the Cloudflare Queues client only (filters, connector, codecs),
 * after the library has configured it. Beans of this type are applied in {@link org.springframework.core.Ordered
 * order}.
 */
@FunctionalInterface
public interface CloudflareQueuesWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, a copy of the application's
	 */
	void customize(WebClient.Builder builder);

}
