package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.FlowControlSettings.LimitBehavior;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Cloudflare Queues.
 */
@ConfigurationProperties(CloudflareQueuesProperties.PREFIX)
public class CloudflareQueuesProperties extends AccountProperties {

	/**
	 * The prefix of every property.
	 */
	public static final String PREFIX = "cloudflare.queues";

	/**
	 * The name of the queue configured by the top-level {@code queue-id}.
	 */
	public static final String DEFAULT_QUEUE = "default";

	/**
	 * Base URL of the Cloudflare API. Must be https, or http to a loopback host (for an emulator).
	 */
	private String baseUrl = CloudflareQueuesClient.DEFAULT_BASE_URL;

	/**
	 * Timeout for opening a connection to the API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Longest time one request may take, from sending to the whole answer. Each retry gets its own.
	 */
	private Duration requestTimeout = Duration.ofSeconds(30);

	/**
	 * Id of the queue named "default", whose publisher is the primary QueuePublisher bean. Present but blank, it
	 * still declares the queue: local mode gives it an id, elsewhere startup fails.
	 */
	private @Nullable String queueId;

	/**
	 * Retries of failed requests.
	 */
	private final Retry retry = new Retry();

	/**
	 * Longest time a publisher takes at shutdown to send what it holds; what is left then fails.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Auto-batching of single pushes, for every queue unless the queue says otherwise.
	 */
	private final Batching batching = new Batching();

	/**
	 * Bounds on what each publisher holds at once.
	 */
	private final FlowControl flowControl = new FlowControl();

	/**
	 * Client-side pacing against the account's API rate limit.
	 */
	private final RateLimit rateLimit = new RateLimit();

	/**
	 * Local mode: an embedded emulator instead of Cloudflare, for development.
	 */
	private final Local local = new Local();

	/**
	 * Further queues by name: each gets a QueuePublisher bean named "<name>QueuePublisher" with qualifier
	 * "<name>". Each takes queue-id (32 hex digits), delay (of messages that set none; whole seconds, at most 24h),
	 * content-type (json or text, of QueueMessage.of messages; json by default), batching.enabled,
	 * batching.max-messages, batching.max-bytes, batching.max-wait and batching.max-in-flight (unset ones take the
	 * global batching values), and, for a queue in another account, account-id with api-token (or email with
	 * api-key). "orders: {}" declares a queue with no settings, which local mode gives an id.
	 */
	private final Map<String, Queue> queues = new LinkedHashMap<>();

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public @Nullable String getQueueId() {
		return this.queueId;
	}

	public void setQueueId(@Nullable String queueId) {
		this.queueId = queueId;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Batching getBatching() {
		return this.batching;
	}

	public FlowControl getFlowControl() {
		return this.flowControl;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Map<String, Queue> getQueues() {
		return this.queues;
	}

	public Local getLocal() {
		return this.local;
	}

	/**
	 * Auto-batching settings.
	 */
	public static class Batching {

		/**
		 * Whether single pushes are gathered into batch requests (each message keeps its own answer).
		 */
		private boolean enabled;

		/**
		 * Send a batch once it holds this many messages (1 to 100).
		 */
		private int maxMessages = 100;

		/**
		 * Send a batch once it holds this many bytes by Cloudflare's size rule (at most 256000B).
		 */
		private DataSize maxBytes = DataSize.ofBytes(256_000);

		/**
		 * Send a batch once its oldest message has waited this long, when a place in flight is free. 0 sends as
		 * soon as a place is free, so messages gather only while batches are in flight.
		 */
		private Duration maxWait = Duration.ZERO;

		/**
		 * Batches in flight at once; with 1, messages leave in push order.
		 */
		private int maxInFlight = 1;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(int maxMessages) {
			this.maxMessages = maxMessages;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

	}

	/**
	 * A queue's batching settings; each one left unset takes the global value.
	 */
	public static class QueueBatching {

		/**
		 * Whether this queue's single pushes are gathered into batch requests.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Send a batch once it holds this many messages (1 to 100).
		 */
		private @Nullable Integer maxMessages;

		/**
		 * Send a batch once it holds this many bytes (at most 256000B).
		 */
		private @Nullable DataSize maxBytes;

		/**
		 * Send a batch once its oldest message has waited this long, when a place in flight is free; 0 sends as soon
		 * as a place is free.
		 */
		private @Nullable Duration maxWait;

		/**
		 * Batches in flight at once.
		 */
		private @Nullable Integer maxInFlight;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(@Nullable Integer maxMessages) {
			this.maxMessages = maxMessages;
		}

		public @Nullable DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(@Nullable DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public @Nullable Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(@Nullable Duration maxWait) {
			this.maxWait = maxWait;
		}

		public @Nullable Integer getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(@Nullable Integer maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

	}

	/**
	 * Flow control settings.
	 */
	public static class FlowControl {

		/**
		 * Most messages one publisher holds at once: buffered, waiting for a rate-limit permit, or in flight. At
		 * least 100.
		 */
		private int maxOutstandingMessages = 10_000;

		/**
		 * Most bytes one publisher holds at once. At least 256000B.
		 */
		private DataSize maxOutstandingBytes = DataSize.ofMegabytes(64);

		/**
		 * What a push does when its publisher is full: wait (without blocking a thread) or fail at once.
		 */
		private LimitBehavior limitBehavior = LimitBehavior.WAIT;

		/**
		 * With limit-behavior wait, the most pushes that may wait for room at once; one more fails with
		 * PublisherOverloadedException.
		 */
		private int maxWaiting = 10_000;

		/**
		 * With limit-behavior wait, the longest a push waits for room before it fails with
		 * PublisherOverloadedException.
		 */
		private Duration maxWait = Duration.ofSeconds(60);

		public int getMaxWaiting() {
			return this.maxWaiting;
		}

		public void setMaxWaiting(int maxWaiting) {
			this.maxWaiting = maxWaiting;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public int getMaxOutstandingMessages() {
			return this.maxOutstandingMessages;
		}

		public void setMaxOutstandingMessages(int maxOutstandingMessages) {
			this.maxOutstandingMessages = maxOutstandingMessages;
		}

		public DataSize getMaxOutstandingBytes() {
			return this.maxOutstandingBytes;
		}

		public void setMaxOutstandingBytes(DataSize maxOutstandingBytes) {
			this.maxOutstandingBytes = maxOutstandingBytes;
		}

		public LimitBehavior getLimitBehavior() {
			return this.limitBehavior;
		}

		public void setLimitBehavior(LimitBehavior limitBehavior) {
			this.limitBehavior = limitBehavior;
		}

	}

	/**
	 * Rate limit settings.
	 */
	public static class RateLimit {

		/**
		 * Whether requests are paced against the account's API limit. Cloudflare answers requests over the limit
		 * with 429 and blocks every API call of the account for five minutes.
		 */
		private boolean enabled = true;

		/**
		 * Requests Cloudflare allows per window, for the whole account.
		 */
		private int requests = 1200;

		/**
		 * The window of the account's limit.
		 */
		private Duration window = Duration.ofMinutes(5);

		/**
		 * Requests that may go at once after a quiet spell; taken out of the steady rate.
		 */
		private int burst = 10;

		/**
		 * This process's share of the account limit, above 0 and at most 1: with 3 replicas on one account, 0.33.
		 */
		private double share = 1.0;

		/**
		 * Longest a request waits for a permit; a longer wait fails the push with QueueRateLimitedException.
		 */
		private Duration maxWait = Duration.ofSeconds(60);

		/**
		 * How long an account-wide 429 without Retry-After pauses every request of the account: Cloudflare's
		 * lockout. Applies with pacing off too.
		 */
		private Duration lockout = Duration.ofMinutes(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getLockout() {
			return this.lockout;
		}

		public void setLockout(Duration lockout) {
			this.lockout = lockout;
		}

		public int getRequests() {
			return this.requests;
		}

		public void setRequests(int requests) {
			this.requests = requests;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public int getBurst() {
			return this.burst;
		}

		public void setBurst(int burst) {
			this.burst = burst;
		}

		public double getShare() {
			return this.share;
		}

		public void setShare(double share) {
			this.share = share;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Local mode settings.
	 */
	public static class Local {

		/**
		 * Whether to start an embedded Cloudflare Queues emulator (cloudflare-queues-emulator must be on the
		 * classpath), create the configured queues in it and send every request there instead of to Cloudflare.
		 */
		private boolean enabled;

		/**
		 * Loopback port of the embedded emulator; 0 picks a free one.
		 */
		private int port;

		/**
		 * Whether local mode may start while credentials (api-token, or email and api-key) are configured. They are
		 * never sent in local mode, so by default their presence stops the startup: it suggests a deployment where
		 * local mode was switched on by mistake.
		 */
		private boolean allowCredentials;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public boolean isAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

	}

	/**
	 * Retry settings.
	 */
	public static class Retry {

		/**
		 * Most attempts per request, the first included. 1 turns retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry when the server names none.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest wait between attempts the backoff grows to.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Factor the backoff grows by after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Share of each backoff taken off at random, from 0 to 1.
		 */
		private double jitter = 0.25;

		/**
		 * Longest Retry-After the client waits for; a longer one fails the call at once with a
		 * QueueRateLimitedException.
		 */
		private Duration maxWait = Duration.ofSeconds(60);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * One queue's settings. Its account id and credentials, when set, replace the global ones for this queue.
	 */
	public static class Queue extends AccountProperties {

		/**
		 * Id of the queue at Cloudflare.
		 */
		private @Nullable String queueId;

		/**
		 * Delivery delay of messages that set none (whole seconds, at most 24 hours).
		 */
		private @Nullable Duration delay;

		/**
		 * Content type of QueueMessage.of(...) messages: json or text.
		 */
		private MessageContentType contentType = MessageContentType.JSON;

		/**
		 * This queue's auto-batching; unset values take the global batching settings.
		 */
		private final QueueBatching batching = new QueueBatching();

		public @Nullable String getQueueId() {
			return this.queueId;
		}

		public void setQueueId(@Nullable String queueId) {
			this.queueId = queueId;
		}

		public @Nullable Duration getDelay() {
			return this.delay;
		}

		public void setDelay(@Nullable Duration delay) {
			this.delay = delay;
		}

		public MessageContentType getContentType() {
			return this.contentType;
		}

		public void setContentType(MessageContentType contentType) {
			this.contentType = contentType;
		}

		public QueueBatching getBatching() {
			return this.batching;
		}

	}

}
