package io.github.cfqueues.benchmarks;

import java.net.URI;
import java.time.Duration;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.RateLimitSettings;
import org.jspecify.annotations.Nullable;

/**
 * Builds publishers as a user would, through {@link CloudflareQueuesClient#builder()} with the default retry, flow
 * control and batching settings, against a given base URL and HTTP stack.
 */
final class Publishers {

	/**
	 * A limit high enough never to hold a request back (one permit per 300 ns), so that only the limiter's own cost
	 * shows.
	 */
	static final RateLimitSettings UNREACHABLE_LIMIT = new RateLimitSettings(1_000_000_000, Duration.ofMinutes(5), 10,
			1.0, Duration.ofSeconds(60), RateLimitSettings.CLOUDFLARE_LOCKOUT);

	private final ClientStack stack;

	private final URI baseUrl;

	Publishers(ClientStack stack, URI baseUrl) {
		this.stack = stack;
		this.baseUrl = baseUrl;
	}

	/**
	 * A publisher that sends one request per push.
	 * @param variant what is on
	 * @return the publisher
	 */
	QueuePublisher perMessage(PublisherVariant variant) {
		return client(variant, variant.limited() ? UNREACHABLE_LIMIT : null).publisher("benchmark", Workload.QUEUE,
				QueuePublisherOptions.DEFAULTS);
	}

	/**
	 * An auto-batching publisher with the default triggers.
	 * @param variant what is on
	 * @return the publisher
	 */
	QueuePublisher batching(PublisherVariant variant) {
		return batching(variant, variant.limited() ? UNREACHABLE_LIMIT : null);
	}

	/**
	 * An auto-batching publisher with the default triggers, paced by the given limit.
	 * @param variant whether observations are on
	 * @param limit the account limit, or {@code null} for no pacing
	 * @return the publisher
	 */
	QueuePublisher batching(PublisherVariant variant, @Nullable RateLimitSettings limit) {
		return batching(variant, limit, BatchingSettings.DEFAULTS);
	}

	/**
	 * An auto-batching publisher with the given triggers.
	 * @param variant whether observations are on
	 * @param limit the account limit, or {@code null} for no pacing
	 * @param settings the triggers
	 * @return the publisher
	 */
	QueuePublisher batching(PublisherVariant variant, @Nullable RateLimitSettings limit, BatchingSettings settings) {
		return client(variant, limit).publisher("benchmark", Workload.QUEUE,
				QueuePublisherOptions.builder().batching(settings).build());
	}

	private CloudflareQueuesClient client(PublisherVariant variant, @Nullable RateLimitSettings limit) {
		CloudflareQueuesClient.Builder builder = CloudflareQueuesClient.builder()
			.webClient(this.stack.webClient(variant.observed()))
			.baseUrl(this.baseUrl)
			.accountId(Workload.ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(Workload.TOKEN));
		return ((limit != null) ? builder.rateLimit(limit) : builder.rateLimitPacing(false)).build();
	}

}
