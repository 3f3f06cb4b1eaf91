package io.github.cfqueues.autoconfigure;

import java.util.concurrent.Executor;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Batching;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.FlowControl;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.QueueBatching;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.RateLimit;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Retry;
import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.FlowControlSettings;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.admin.HttpPullConsumerSettings;
import io.github.cfqueues.client.listener.ListenerSettings;
import org.jspecify.annotations.Nullable;

/**
 * Maps the properties to the client's builder and settings records. The properties are validated first, so the
 * records' own checks never fire here.
 */
final class ClientSettings {

	private ClientSettings() {
	}

	/**
	 * A client builder with every global setting of the properties applied.
	 * @param properties the properties
	 * @return the builder
	 */
	static CloudflareQueuesClient.Builder builder(CloudflareQueuesProperties properties) {
		RateLimit rateLimit = properties.getRateLimit();
		return CloudflareQueuesClient.builder()
			.requestTimeout(properties.getRequestTimeout())
			.shutdownTimeout(properties.getShutdownTimeout())
			.retry(retry(properties.getRetry()))
			.rateLimit(rateLimit(rateLimit))
			.rateLimitPacing(rateLimit.isEnabled())
			.flowControl(flowControl(properties.getFlowControl()));
	}

	/**
	 * The options of a configured queue's publisher.
	 * @param properties the properties
	 * @param queue the queue's properties
	 * @param endpoint where the queue is and how it is reached
	 * @return the options
	 */
	static QueuePublisherOptions options(CloudflareQueuesProperties properties, Queue queue, QueueEndpoint endpoint) {
		QueuePublisherOptions.Builder options = QueuePublisherOptions.builder()
			.contentType(queue.getContentType())
			.delay(queue.getDelay())
			.accountId(endpoint.accountId())
			.credentials(endpoint.credentials());
		BatchingSettings batching = batching(properties.getBatching(), queue.getBatching());
		return ((batching != null) ? options.batching(batching) : options.noBatching()).build();
	}

	/**
	 * The options of a configured queue's consumer.
	 * @param queue the queue's properties
	 * @param endpoint where the queue is and how it is reached
	 * @return the options
	 */
	static QueueConsumerOptions consumerOptions(Queue queue, QueueEndpoint endpoint) {
		CloudflareQueuesProperties.Consumer consumer = queue.getConsumer();
		return QueueConsumerOptions.builder()
			.batchSize(consumer.getBatchSize())
			.visibilityTimeout(consumer.getVisibilityTimeout())
			.ackMaxWait(consumer.getAckMaxWait())
			.accountId(endpoint.accountId())
			.credentials(endpoint.credentials())
			.createIfMissing(consumer.isCreateIfMissing() ? httpPullConsumer(consumer) : null)
			.build();
	}

	/**
	 * The HTTP pull consumer that {@code consumer.create-if-missing} creates: the queue's pull settings, so a pull
	 * that names none gets what this application's pulls ask for.
	 */
	private static HttpPullConsumerSettings httpPullConsumer(CloudflareQueuesProperties.Consumer consumer) {
		return HttpPullConsumerSettings.builder()
			.batchSize(consumer.getBatchSize())
			.visibilityTimeout(consumer.getVisibilityTimeout())
			.maxRetries(consumer.getMaxRetries())
			.retryDelay(consumer.getRetry().getInitialDelay())
			.deadLetterQueue(consumer.getDeadLetterQueue())
			.build();
	}

	/**
	 * The listener settings of a configured queue.
	 * @param properties the properties
	 * @param queue the queue's properties
	 * @param virtualThreads whether handlers run on virtual threads
	 * @param handlerExecutor the executor handlers run on, or {@code null} for threads of each listener's own
	 * @return the settings
	 */
	static ListenerSettings listenerSettings(CloudflareQueuesProperties properties, Queue queue,
			boolean virtualThreads, @Nullable Executor handlerExecutor) {
		CloudflareQueuesProperties.Consumer consumer = queue.getConsumer();
		CloudflareQueuesProperties.ListenerRetry retry = consumer.getRetry();
		return ListenerSettings.builder()
			.concurrency(consumer.getConcurrency())
			.acknowledgementMode(consumer.getAcknowledgementMode())
			.retryBackoff(retry.getInitialDelay(), retry.getMultiplier(), retry.getMaxDelay())
			.maxRetries(consumer.getMaxRetries())
			.idleInterval(consumer.getIdleInterval(), consumer.getMaxIdleInterval())
			.autoStartup(consumer.isAutoStartup())
			.startupFailure(consumer.getStartupFailure())
			.stopTimeout(properties.getShutdownTimeout())
			.virtualThreads(virtualThreads)
			.handlerExecutor(handlerExecutor)
			.build();
	}

	private static RetrySettings retry(Retry retry) {
		return new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMultiplier(), retry.getJitter(), retry.getMaxWait());
	}

	private static FlowControlSettings flowControl(FlowControl flowControl) {
		return new FlowControlSettings(flowControl.getMaxOutstandingMessages(),
				flowControl.getMaxOutstandingBytes().toBytes(), flowControl.getLimitBehavior(),
				flowControl.getMaxWaiting(), flowControl.getMaxWait());
	}

	/**
	 * The rate limit; with pacing off only its max-wait and lockout matter (pauses after 429s), so Cloudflare's
	 * pacing figures stand in for the others, which are not validated then.
	 */
	private static RateLimitSettings rateLimit(RateLimit rateLimit) {
		if (!rateLimit.isEnabled()) {
			RateLimitSettings cloudflare = RateLimitSettings.CLOUDFLARE;
			return new RateLimitSettings(cloudflare.requests(), cloudflare.window(), cloudflare.burst(),
					cloudflare.share(), rateLimit.getMaxWait(), rateLimit.getLockout());
		}
		return new RateLimitSettings(rateLimit.getRequests(), rateLimit.getWindow(), rateLimit.getBurst(),
				rateLimit.getShare(), rateLimit.getMaxWait(), rateLimit.getLockout());
	}

	private static @Nullable BatchingSettings batching(Batching global, QueueBatching own) {
		boolean enabled = (own.getEnabled() != null) ? own.getEnabled() : global.isEnabled();
		if (!enabled) {
			return null;
		}
		return new BatchingSettings(orElse(own.getMaxMessages(), global.getMaxMessages()),
				orElse(own.getMaxBytes(), global.getMaxBytes()).toBytes(), orElse(own.getMaxWait(), global.getMaxWait()),
				orElse(own.getMaxInFlight(), global.getMaxInFlight()));
	}

	private static <T> T orElse(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
