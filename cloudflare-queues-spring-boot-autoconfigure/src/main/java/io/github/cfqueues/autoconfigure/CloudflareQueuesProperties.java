package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.FlowControlSettings.LimitBehavior;
import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.listener.AcknowledgementMode;
import io.github.cfqueues.client.listener.ListenerSettings;
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
	 * Id of the queue named "default", whose publisher is the primary QueuePublisher bean; or set queue-name. Present
	 * but blank, it still declares the queue: local mode gives it an id, elsewhere startup fails.
	 */
	private @Nullable String queueId;

	/**
	 * Cloudflare name of the queue named "default", instead of its queue-id: its id is looked up once at startup
	 * (one list-queues request per 100 queues of the account, under the rate limit).
	 */
	private @Nullable String queueName;

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
	 * Each queue's contributor to the actuator's health endpoint.
	 */
	private final Health health = new Health();

	/**
	 * Further queues by name: each gets a QueuePublisher bean named "<name>QueuePublisher" and a QueueConsumer bean
	 * named "<name>QueueConsumer", with qualifier "<name>". Each takes queue-id (32 hex digits) or queue-name (its
	 * name at Cloudflare, looked up at startup), delay (of messages that set none; whole seconds, at most 24h),
	 * content-type (json or text, of QueueMessage.of messages; json by default), batching.enabled,
	 * batching.max-messages, batching.max-bytes, batching.max-wait and batching.max-in-flight (unset ones take the
	 * global batching values), for pulling and listening consumer.batch-size, consumer.visibility-timeout,
	 * consumer.ack-max-wait, consumer.concurrency, consumer.acknowledgement-mode, consumer.retry.initial-delay,
	 * consumer.retry.multiplier, consumer.retry.max-delay, consumer.max-retries, consumer.idle-interval,
	 * consumer.max-idle-interval, consumer.auto-startup, consumer.startup-failure, consumer.handler,
	 * consumer.create-if-missing and consumer.dead-letter-queue (see the README's property table), and, for a queue
	 * in another account, account-id with api-token (or email with api-key). "orders: {}" declares a queue with no
	 * settings, which local mode gives an id.
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

	public @Nullable String getQueueName() {
		return this.queueName;
	}

	public void setQueueName(@Nullable String queueName) {
		this.queueName = queueName;
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

	public Health getHealth() {
		return this.health;
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

		/**
		 * Where the account's limiter lives: "local" paces this process alone, at its share; "redis" takes every
		 * permit of every process of the account from one limiter in Redis (the application's
		 * ReactiveRedisConnectionFactory, spring.data.redis.*), pauses after 429s included. With "redis", share is
		 * the part of the account that all processes together use.
		 */
		private Store store = Store.LOCAL;

		/**
		 * The limiter shared through Redis, with store "redis".
		 */
		private final Redis redis = new Redis();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Redis getRedis() {
			return this.redis;
		}

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
	 * Where the account's rate limiter lives.
	 */
	public enum Store {

		/**
		 * In this process: each process paces itself at its share of the account.
		 */
		LOCAL,

		/**
		 * In Redis: every process of the account takes its permits from one limiter.
		 */
		REDIS

	}

	/**
	 * The rate limiter shared through Redis.
	 */
	public static class Redis {

		/**
		 * Longest a request waits for Redis's answer; slower or failing, this process paces itself at its
		 * fallback share until Redis answers again.
		 */
		private Duration timeout = Duration.ofMillis(500);

		/**
		 * This process's share of the account limit while Redis is unreachable, above 0 and at most 1. Every
		 * process falls back at once, so keep the sum over all processes at most 1: 1/N for N replicas at most.
		 */
		private double fallbackShare = 0.1;

		/**
		 * What the limiter's Redis keys start with; each key then holds the account id. Every process of an
		 * account must use the same prefix.
		 */
		private String keyPrefix = "cloudflare-queues:rate-limit:";

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public double getFallbackShare() {
			return this.fallbackShare;
		}

		public void setFallbackShare(double fallbackShare) {
			this.fallbackShare = fallbackShare;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
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
	 * Health settings.
	 */
	public static class Health {

		/**
		 * Whether each queue's health also asks Cloudflare for the queue's backlog: one metrics request per queue per
		 * cache-time, counted against the account's API rate limit and needing "Queues Read". Off, health comes only
		 * from the answers the application's own requests received.
		 */
		private boolean active;

		/**
		 * How long the answer of an active check is reused before the next check asks again.
		 */
		private Duration cacheTime = Duration.ofSeconds(60);

		/**
		 * Longest wait for the answer of an active check; without one in time, the queue's health is UNKNOWN.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		public boolean isActive() {
			return this.active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		public Duration getCacheTime() {
			return this.cacheTime;
		}

		public void setCacheTime(Duration cacheTime) {
			this.cacheTime = cacheTime;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
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
		 * Id of the queue at Cloudflare. Set this or queue-name.
		 */
		private @Nullable String queueId;

		/**
		 * Name of the queue at Cloudflare (as wrangler shows it), instead of its queue-id: its id is looked up once
		 * at startup (one list-queues request per 100 queues of the account, under the rate limit).
		 */
		private @Nullable String queueName;

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

		/**
		 * How this queue's messages are pulled and settled.
		 */
		private final Consumer consumer = new Consumer();

		public @Nullable String getQueueId() {
			return this.queueId;
		}

		public void setQueueId(@Nullable String queueId) {
			this.queueId = queueId;
		}

		public @Nullable String getQueueName() {
			return this.queueName;
		}

		public void setQueueName(@Nullable String queueName) {
			this.queueName = queueName;
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

		public Consumer getConsumer() {
			return this.consumer;
		}

	}

	/**
	 * How a queue's messages are pulled and settled over HTTP pull.
	 */
	public static class Consumer {

		/**
		 * Most messages one pull leases (1 to 100).
		 */
		private int batchSize = 10;

		/**
		 * How long pulled messages stay leased before they are delivered again: the time to handle and settle each
		 * (whole milliseconds, at most 12 hours). There is no call to extend a lease.
		 */
		private Duration visibilityTimeout = Duration.ofSeconds(30);

		/**
		 * How long an acknowledgement or retry waits for others to travel with it in one request (100 leave at once).
		 */
		private Duration ackMaxWait = Duration.ofMillis(50);

		/**
		 * How many messages (or batches, for a List listener) a listener of this queue handles at once; it pulls only
		 * as many as it has free.
		 */
		private int concurrency = 10;

		/**
		 * When a listener acknowledges its messages: on-success (retry on failure), manual (the handler settles), or
		 * always.
		 */
		private AcknowledgementMode acknowledgementMode = AcknowledgementMode.ON_SUCCESS;

		/**
		 * Bounds how a listener retries the messages it failed on.
		 */
		private final ListenerRetry retry = new ListenerRetry();

		/**
		 * The queue consumer's max_retries at Cloudflare (0 to 100): a message that fails on delivery max-retries + 1
		 * is on its last one, and is logged once and counted before Cloudflare dead-letters or drops it.
		 */
		private int maxRetries = 3;

		/**
		 * How long a listener waits before pulling again after an empty or failed pull; it doubles, with jitter, up to
		 * max-idle-interval. A pull that brings messages is followed by the next at once.
		 */
		private Duration idleInterval = Duration.ofSeconds(1);

		/**
		 * The longest a listener waits between pulls while the queue is empty or pulls fail (each pull is a billed
		 * read).
		 */
		private Duration maxIdleInterval = Duration.ofSeconds(30);

		/**
		 * Whether the queue's listeners start with the application.
		 */
		private boolean autoStartup = true;

		/**
		 * What a listener does when its first pull fails in a way retrying cannot fix (credentials refused, queue
		 * unknown, HTTP pull not enabled): fail (stop the startup) or warn (log once and stay stopped).
		 */
		private ListenerSettings.StartupFailure startupFailure = ListenerSettings.StartupFailure.FAIL;

		/**
		 * Name of a QueueMessageHandler bean to run as this queue's listener, instead of (or besides) @QueueListener
		 * methods.
		 */
		private @Nullable String handler;

		/**
		 * Whether to create the queue's HTTP pull consumer before the first pull when the queue has none, with this
		 * queue's batch-size, visibility-timeout, max-retries, retry.initial-delay (as its retry delay) and
		 * dead-letter-queue; logged once at INFO. Needs the "Queues Write" permission. Off: nothing is created unless
		 * asked.
		 */
		private boolean createIfMissing;

		/**
		 * Name of the queue (in the same account) that takes messages out of retries, for the HTTP pull consumer
		 * that create-if-missing creates; none drops them.
		 */
		private @Nullable String deadLetterQueue;

		public boolean isCreateIfMissing() {
			return this.createIfMissing;
		}

		public void setCreateIfMissing(boolean createIfMissing) {
			this.createIfMissing = createIfMissing;
		}

		public @Nullable String getDeadLetterQueue() {
			return this.deadLetterQueue;
		}

		public void setDeadLetterQueue(@Nullable String deadLetterQueue) {
			this.deadLetterQueue = deadLetterQueue;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public AcknowledgementMode getAcknowledgementMode() {
			return this.acknowledgementMode;
		}

		public void setAcknowledgementMode(AcknowledgementMode acknowledgementMode) {
			this.acknowledgementMode = acknowledgementMode;
		}

		public ListenerRetry getRetry() {
			return this.retry;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getIdleInterval() {
			return this.idleInterval;
		}

		public void setIdleInterval(Duration idleInterval) {
			this.idleInterval = idleInterval;
		}

		public Duration getMaxIdleInterval() {
			return this.maxIdleInterval;
		}

		public void setMaxIdleInterval(Duration maxIdleInterval) {
			this.maxIdleInterval = maxIdleInterval;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		public ListenerSettings.StartupFailure getStartupFailure() {
			return this.startupFailure;
		}

		public void setStartupFailure(ListenerSettings.StartupFailure startupFailure) {
			this.startupFailure = startupFailure;
		}

		public @Nullable String getHandler() {
			return this.handler;
		}

		public void setHandler(@Nullable String handler) {
			this.handler = handler;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getVisibilityTimeout() {
			return this.visibilityTimeout;
		}

		public void setVisibilityTimeout(Duration visibilityTimeout) {
			this.visibilityTimeout = visibilityTimeout;
		}

		public Duration getAckMaxWait() {
			return this.ackMaxWait;
		}

		public void setAckMaxWait(Duration ackMaxWait) {
			this.ackMaxWait = ackMaxWait;
		}

	}

	/**
	 * How a listener retries the messages it failed on: after initial-delay, growing by multiplier with each
	 * delivery, up to max-delay (whole seconds, at most 24 hours).
	 */
	public static class ListenerRetry {

		/**
		 * Retry delay of a message that failed on its first delivery (whole seconds).
		 */
		private Duration initialDelay = Duration.ofSeconds(10);

		/**
		 * How much the retry delay grows with each further delivery.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest retry delay (whole seconds, at most 24 hours).
		 */
		private Duration maxDelay = Duration.ofMinutes(10);

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

}
