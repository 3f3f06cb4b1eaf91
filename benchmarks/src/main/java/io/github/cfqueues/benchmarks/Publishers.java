package io.github.cfqueues.benchmarks;

import java.net.URI;
import java.time.Duration;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.internal.publish.BatchingQueuePublisher;
import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.FlowControlSettings;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.internal.publish.MessageEncoder;
import io.github.cfqueues.client.internal.publish.QueueSender;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiters;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import io.github.cfqueues.client.RetrySettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds publishers the way {@code CloudflareQueuesPublisherFactory} does (default retry, flow control and batching
 * settings), against a given base URL and HTTP stack.
 */
final class Publishers {

	/**
	 * A limit high enough never to hold a request back (one permit per 300 ns), so that only the limiter's own cost
	 * shows.
	 */
	static final RateLimitSettings UNREACHABLE_LIMIT = new RateLimitSettings(1_000_000_000, Duration.ofMinutes(5), 10,
			1.0, Duration.ofSeconds(60));

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final ClientStack stack;

	private final URI baseUrl;

	private final JacksonBodySerializer serializer = new JacksonBodySerializer(JsonMapper.builder().build());

	Publishers(ClientStack stack, URI baseUrl) {
		this.stack = stack;
		this.baseUrl = baseUrl;
	}

	static QueueEndpoint endpoint() {
		return new QueueEndpoint("benchmark", Workload.ACCOUNT, Workload.QUEUE,
				CloudflareCredentials.apiToken(Workload.TOKEN));
	}

	/**
	 * A publisher that sends one request per push.
	 * @param variant what is on
	 * @return the publisher
	 */
	QueuePublisher perMessage(PublisherVariant variant) {
		return perMessage(variant, limiters(variant));
	}

	/**
	 * An auto-batching publisher with the default triggers (100 messages, 256,000 bytes, 50 ms, one in flight).
	 * @param variant what is on
	 * @return the publisher
	 */
	QueuePublisher batching(PublisherVariant variant) {
		return batching(variant, limiters(variant));
	}

	/**
	 * An auto-batching publisher with the default triggers, paced by the given limiters.
	 * @param variant whether observations are on
	 * @param limiters the account limiters
	 * @return the publisher
	 */
	QueuePublisher batching(PublisherVariant variant, AccountRateLimiters limiters) {
		QueueEndpoint endpoint = endpoint();
		MessageEncoder encoder = encoder(endpoint);
		QueueSender sender = sender(endpoint, variant, limiters);
		FlowController flow = new FlowController(FlowControlSettings.DEFAULTS, endpoint);
		return new BatchingQueuePublisher(new DefaultQueuePublisher(encoder, sender, flow), BatchingSettings.DEFAULTS);
	}

	private QueuePublisher perMessage(PublisherVariant variant, AccountRateLimiters limiters) {
		QueueEndpoint endpoint = endpoint();
		return new DefaultQueuePublisher(encoder(endpoint), sender(endpoint, variant, limiters),
				new FlowController(FlowControlSettings.DEFAULTS, endpoint));
	}

	private MessageEncoder encoder(QueueEndpoint endpoint) {
		return new MessageEncoder(endpoint, QueuePublisherOptions.DEFAULTS, this.serializer);
	}

	private QueueSender sender(QueueEndpoint endpoint, PublisherVariant variant, AccountRateLimiters limiters) {
		WebClient webClient = this.stack.webClient(variant.observed());
		CloudflareQueuesApi api = new CloudflareQueuesApi(webClient, this.baseUrl, REQUEST_TIMEOUT);
		return new QueueSender(endpoint, api, limiters.forQueue(endpoint), new RetryPolicy(RetrySettings.DEFAULTS),
				RetryListener.NONE);
	}

	private static AccountRateLimiters limiters(PublisherVariant variant) {
		return variant.limited() ? AccountRateLimiters.of(UNREACHABLE_LIMIT) : AccountRateLimiters.disabled();
	}

}
