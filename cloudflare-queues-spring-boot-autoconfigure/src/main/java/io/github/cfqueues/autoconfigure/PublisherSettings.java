package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Batching;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.FlowControl;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.QueueBatching;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.RateLimit;
import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.FlowControlSettings;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.RetrySettings;
import org.jspecify.annotations.Nullable;

/**
 * Maps the properties to the client's settings records. The properties are validated first, so the records'
 * own checks never fire here.
 */
final class PublisherSettings {

	private PublisherSettings() {
	}

	static RetrySettings retry(CloudflareQueuesProperties properties) {
		CloudflareQueuesProperties.Retry retry = properties.getRetry();
		return new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMultiplier(), retry.getJitter(), retry.getMaxWait());
	}

	static FlowControlSettings flowControl(CloudflareQueuesProperties properties) {
		FlowControl flowControl = properties.getFlowControl();
		return new FlowControlSettings(flowControl.getMaxOutstandingMessages(),
				flowControl.getMaxOutstandingBytes().toBytes(), flowControl.getLimitBehavior(),
				flowControl.getMaxWaiting(), flowControl.getMaxWait());
	}

	static RateLimitSettings rateLimit(CloudflareQueuesProperties properties) {
		RateLimit rateLimit = properties.getRateLimit();
		return new RateLimitSettings(rateLimit.getRequests(), rateLimit.getWindow(), rateLimit.getBurst(),
				rateLimit.getShare(), rateLimit.getMaxWait(), rateLimit.getLockout());
	}

	/**
	 * The batching settings of a queue.
	 * @param properties the properties
	 * @param queue the queue
	 * @return the settings, or {@code null} when the queue does not batch
	 */
	static @Nullable BatchingSettings batching(CloudflareQueuesProperties properties, Queue queue) {
		Batching global = properties.getBatching();
		QueueBatching own = queue.getBatching();
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
