package io.github.cfqueues.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.FlowControl;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.QueueBatching;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.RateLimit;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Redis;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Retry;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Store;
import io.github.cfqueues.client.BaseUrls;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueLimits;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.admin.QueueNames;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Checks {@code cloudflare.queues.*} at startup, so that a bad value stops the application with a message naming
 * the property, before any request. Credentials are checked but never shown.
 */
final class CloudflareQueuesPropertiesValidator {

	private static final String PREFIX = CloudflareQueuesProperties.PREFIX;

	/**
	 * What Cloudflare accepts as a queue's name.
	 */
	static final String QUEUE_NAME = "[A-Za-z0-9][A-Za-z0-9_-]{0,62}";

	static final String QUEUE_ID_HINT = "Set the queue's id, 32 hex digits: `wrangler queues list` shows it, and so "
			+ "does the queue's page in the Cloudflare dashboard";

	static final String ACCOUNT_ID_HINT = "The account id is 32 hex digits: the Cloudflare dashboard shows it on the "
			+ "account's home page and in its address (dash.cloudflare.com/<account id>)";

	private CloudflareQueuesPropertiesValidator() {
	}

	static void validate(CloudflareQueuesProperties properties) {
		checkBaseUrl(properties.getBaseUrl());
		checkPositive(PREFIX + ".connect-timeout", properties.getConnectTimeout());
		checkPositive(PREFIX + ".request-timeout", properties.getRequestTimeout());
		checkRetry(properties.getRetry());
		checkPositive(PREFIX + ".shutdown-timeout", properties.getShutdownTimeout());
		checkBatching(PREFIX + ".batching", properties.getBatching().getMaxMessages(),
				properties.getBatching().getMaxBytes(), properties.getBatching().getMaxWait(),
				properties.getBatching().getMaxInFlight());
		checkFlowControl(properties.getFlowControl());
		checkRateLimit(properties.getRateLimit());
		checkPositive(PREFIX + ".health.cache-time", properties.getHealth().getCacheTime());
		checkPositive(PREFIX + ".health.timeout", properties.getHealth().getTimeout());
		checkId(PREFIX + ".account-id", properties.getAccountId());
		properties.credentials(PREFIX).resolve();
		for (Map.Entry<String, Queue> entry : ConfiguredQueues.of(properties).entrySet()) {
			checkQueue(properties, entry.getKey(), entry.getValue());
		}
	}

	private static void checkQueue(CloudflareQueuesProperties properties, String name, Queue queue) {
		if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
			throw new InvalidCloudflareQueuesPropertyException(PREFIX + ".queues." + name,
					"a queue name must start with a letter or digit and hold only letters, digits, '-' and '_'");
		}
		String queueId = ConfiguredQueues.queueId(properties, name, queue);
		checkId(ConfiguredQueues.queueIdProperty(properties, name, queue), queueId);
		String queueName = ConfiguredQueues.queueName(properties, name, queue);
		if (queueName != null) {
			String property = ConfiguredQueues.queueNameProperty(properties, name);
			if (queueId != null) {
				throw new InvalidCloudflareQueuesPropertyException(property, "the queue '" + name + "' has both a "
						+ "queue-id (" + ConfiguredQueues.queueIdProperty(properties, name, queue) + ") and a "
						+ "queue-name; set one of them");
			}
			checkQueueName(property, queueName);
		}
		checkId(ConfiguredQueues.queueProperty(name, "account-id"), queue.getAccountId());
		queue.credentials(PREFIX + ".queues." + name).resolve();
		QueueBatching batching = queue.getBatching();
		checkBatching(PREFIX + ".queues." + name + ".batching", batching.getMaxMessages(), batching.getMaxBytes(),
				batching.getMaxWait(), batching.getMaxInFlight());
		checkConsumer(PREFIX + ".queues." + name + ".consumer.", queue.getConsumer());
		if (queue.getDelay() != null) {
			try {
				QueueMessage.checkDelay(queue.getDelay(), "The delay");
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidCloudflareQueuesPropertyException(ConfiguredQueues.queueProperty(name, "delay"),
						ex.getMessage());
			}
		}
	}

	private static void checkConsumer(String prefix, CloudflareQueuesProperties.Consumer consumer) {
		try {
			QueueConsumerOptions.checkBatchSize(consumer.getBatchSize());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "batch-size", ex.getMessage());
		}
		try {
			QueueConsumerOptions.checkVisibilityTimeout(consumer.getVisibilityTimeout());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "visibility-timeout", ex.getMessage());
		}
		checkNotNegative(prefix + "ack-max-wait", consumer.getAckMaxWait());
		if (consumer.getDeadLetterQueue() != null) {
			checkQueueName(prefix + "dead-letter-queue", consumer.getDeadLetterQueue());
		}
		if (consumer.getConcurrency() < 1) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "concurrency",
					"must be at least 1, got " + consumer.getConcurrency());
		}
		if (consumer.getMaxRetries() < 0 || consumer.getMaxRetries() > 100) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "max-retries",
					"must be from 0 to 100 (Cloudflare's limit), got " + consumer.getMaxRetries());
		}
		checkRetryDelay(prefix + "retry.initial-delay", consumer.getRetry().getInitialDelay());
		checkRetryDelay(prefix + "retry.max-delay", consumer.getRetry().getMaxDelay());
		if (consumer.getRetry().getMultiplier() < 1.0) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "retry.multiplier",
					"must be at least 1, got " + consumer.getRetry().getMultiplier());
		}
		checkPositive(prefix + "idle-interval", consumer.getIdleInterval());
		checkPositive(prefix + "max-idle-interval", consumer.getMaxIdleInterval());
		if (consumer.getMaxIdleInterval().compareTo(consumer.getIdleInterval()) < 0) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "max-idle-interval", "must not be shorter than "
					+ "idle-interval (" + consumer.getIdleInterval() + "), got " + consumer.getMaxIdleInterval());
		}
	}

	private static void checkRetryDelay(String property, @Nullable Duration delay) {
		try {
			QueueMessage.checkDelay(delay, "The retry delay");
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidCloudflareQueuesPropertyException(property, ex.getMessage());
		}
	}

	private static void checkBatching(String prefix, @Nullable Integer maxMessages, @Nullable DataSize maxBytes,
			@Nullable Duration maxWait, @Nullable Integer maxInFlight) {
		if (maxMessages != null && (maxMessages < 1 || maxMessages > QueueLimits.MAX_BATCH_MESSAGES)) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + ".max-messages",
					"must be from 1 to " + QueueLimits.MAX_BATCH_MESSAGES + " (Cloudflare's batch limit), got "
							+ maxMessages);
		}
		if (maxBytes != null && (maxBytes.toBytes() < 1 || maxBytes.toBytes() > QueueLimits.MAX_BATCH_BYTES)) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + ".max-bytes", "must be from 1B to "
					+ QueueLimits.MAX_BATCH_BYTES + "B (Cloudflare's batch limit), got " + maxBytes);
		}
		if (maxWait != null) {
			checkNotNegative(prefix + ".max-wait", maxWait);
		}
		if (maxInFlight != null && maxInFlight < 1) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + ".max-in-flight",
					"must be at least 1, got " + maxInFlight);
		}
	}

	private static void checkFlowControl(FlowControl flowControl) {
		String prefix = PREFIX + ".flow-control.";
		if (flowControl.getMaxOutstandingMessages() < QueueLimits.MAX_BATCH_MESSAGES) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "max-outstanding-messages",
					"must be at least one batch (" + QueueLimits.MAX_BATCH_MESSAGES + "), got "
							+ flowControl.getMaxOutstandingMessages());
		}
		if (flowControl.getMaxWaiting() < 0) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "max-waiting",
					"must not be negative, got " + flowControl.getMaxWaiting());
		}
		checkNotNegative(prefix + "max-wait", flowControl.getMaxWait());
		if (flowControl.getMaxOutstandingBytes().toBytes() < QueueLimits.MAX_BATCH_BYTES) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "max-outstanding-bytes",
					"must be at least one batch (" + QueueLimits.MAX_BATCH_BYTES + "B), got "
							+ flowControl.getMaxOutstandingBytes());
		}
	}

	private static void checkRateLimit(RateLimit rateLimit) {
		String prefix = PREFIX + ".rate-limit.";
		checkPositive(prefix + "window", rateLimit.getWindow());
		checkNotNegative(prefix + "max-wait", rateLimit.getMaxWait());
		checkPositive(prefix + "lockout", rateLimit.getLockout());
		if (!(rateLimit.getShare() > 0.0 && rateLimit.getShare() <= 1.0)) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "share",
					"must be above 0 and at most 1, got " + rateLimit.getShare());
		}
		if (rateLimit.getBurst() < 1) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "burst",
					"must be at least 1, got " + rateLimit.getBurst());
		}
		int permits = (int) Math.floor(rateLimit.getRequests() * rateLimit.getShare());
		if (rateLimit.isEnabled() && rateLimit.getBurst() >= permits) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "requests", "this process's requests per "
					+ "window (requests " + rateLimit.getRequests() + " x share " + rateLimit.getShare() + " = "
					+ permits + ") must be more than the burst (" + rateLimit.getBurst() + ")");
		}
		if (rateLimit.getStore() == Store.REDIS) {
			checkRedisStore(rateLimit);
		}
	}

	private static void checkRedisStore(RateLimit rateLimit) {
		String prefix = PREFIX + ".rate-limit.";
		if (!rateLimit.isEnabled()) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "store",
					"is redis, which paces requests: rate-limit.enabled must be true");
		}
		Redis redis = rateLimit.getRedis();
		checkPositive(prefix + "redis.timeout", redis.getTimeout());
		if (!(redis.getFallbackShare() > 0.0 && redis.getFallbackShare() <= 1.0)) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "redis.fallback-share",
					"must be above 0 and at most 1, got " + redis.getFallbackShare());
		}
		int fallbackPermits = (int) Math.floor(rateLimit.getRequests() * redis.getFallbackShare());
		if (rateLimit.getBurst() >= fallbackPermits) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "redis.fallback-share", "this process's "
					+ "requests per window while Redis is unreachable (requests " + rateLimit.getRequests()
					+ " x fallback-share " + redis.getFallbackShare() + " = " + fallbackPermits
					+ ") must be more than the burst (" + rateLimit.getBurst() + ")");
		}
		if (!StringUtils.hasText(redis.getKeyPrefix())) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "redis.key-prefix", "must not be empty");
		}
	}

	private static void checkQueueName(String property, String queueName) {
		try {
			QueueNames.check(queueName, "A queue name");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCloudflareQueuesPropertyException(property, ex.getMessage());
		}
	}

	static void checkId(String property, @Nullable String id) {
		if (!UnresolvedPlaceholders.isSet(id)) {
			return;
		}
		try {
			QueueEndpoint.checkId(id, "id");
		}
		catch (IllegalArgumentException ex) {
			if (property.endsWith(".queue-id") && id.matches(QUEUE_NAME)) {
				throw new InvalidCloudflareQueuesPropertyException(property, "'" + id + "' looks like a queue's "
						+ "name, not its id. " + QUEUE_ID_HINT + " (" + ex.getMessage() + ")");
			}
			String hint = property.endsWith(".account-id") ? " " + ACCOUNT_ID_HINT : "";
			throw new InvalidCloudflareQueuesPropertyException(property, ex.getMessage() + " ("
					+ QueueEndpoint.MAX_ID_LENGTH + " letters or digits at most, as Cloudflare issues them)." + hint);
		}
	}

	/**
	 * Checks the base URL without ever echoing it whole: a URL can carry a secret in its user info or query, so an
	 * error shows at most its scheme, host and port.
	 */
	private static void checkBaseUrl(String baseUrl) {
		String property = PREFIX + ".base-url";
		URI uri;
		try {
			uri = new URI(baseUrl);
		}
		catch (URISyntaxException ex) {
			throw new InvalidCloudflareQueuesPropertyException(property,
					"is not a URL (" + ex.getReason() + " at index " + ex.getIndex() + "; the value is not shown)");
		}
		try {
			BaseUrls.check(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCloudflareQueuesPropertyException(property, ex.getMessage());
		}
	}

	private static void checkRetry(Retry retry) {
		String prefix = PREFIX + ".retry.";
		if (retry.getMaxAttempts() < 1) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "max-attempts",
					"must be at least 1 (1 turns retries off), got " + retry.getMaxAttempts());
		}
		checkNotNegative(prefix + "initial-backoff", retry.getInitialBackoff());
		checkNotNegative(prefix + "max-backoff", retry.getMaxBackoff());
		checkNotNegative(prefix + "max-wait", retry.getMaxWait());
		if (retry.getMultiplier() < 1.0) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "multiplier",
					"must be at least 1, got " + retry.getMultiplier());
		}
		if (retry.getJitter() < 0.0 || retry.getJitter() > 1.0) {
			throw new InvalidCloudflareQueuesPropertyException(prefix + "jitter",
					"must be from 0 to 1, got " + retry.getJitter());
		}
	}

	static void checkPositive(String property, @Nullable Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidCloudflareQueuesPropertyException(property, "must be positive, got " + duration);
		}
	}

	static void checkNotNegative(String property, @Nullable Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new InvalidCloudflareQueuesPropertyException(property, "must not be negative, got " + duration);
		}
	}

}
