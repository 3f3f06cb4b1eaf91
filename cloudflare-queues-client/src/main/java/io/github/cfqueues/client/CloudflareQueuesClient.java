package io.github.cfqueues.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cfqueues.client.admin.HttpPullConsumerSettings;
import io.github.cfqueues.client.admin.QueueAdmin;
import io.github.cfqueues.client.internal.admin.DefaultQueueAdmin;
import io.github.cfqueues.client.internal.admin.HttpPullSetup;
import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.internal.consume.DefaultQueueConsumer;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.observe.Instrumentation;
import io.github.cfqueues.client.internal.observe.ObservationSettings;
import io.github.cfqueues.client.internal.observe.SafeMetricsRecorder;
import io.github.cfqueues.client.internal.publish.BatchingQueuePublisher;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.internal.publish.GracefulShutdown;
import io.github.cfqueues.client.internal.publish.MessageEncoder;
import io.github.cfqueues.client.internal.publish.QueueSender;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiters;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation;
import io.github.cfqueues.client.observation.DefaultQueueListenerObservationConvention;
import io.github.cfqueues.client.observation.DefaultQueueOperationObservationConvention;
import io.github.cfqueues.client.observation.QueueListenerObservationConvention;
import io.github.cfqueues.client.observation.QueueOperationObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Cloudflare Queues client: the one entry point from which publishers, consumers and admins are made. They share
 * its HTTP client, the rate limiter of each account and its lifecycle; {@link #close()} sends what the publishers hold
 * and the settlements the consumers gathered, then refuses further pushes and pulls.
 * <pre>{@code
 * try (CloudflareQueuesClient client = CloudflareQueuesClient.builder()
 *         .accountId(System.getenv("CLOUDFLARE_ACCOUNT_ID"))
 *         .credentials(CloudflareCredentials.apiToken(System.getenv("CLOUDFLARE_API_TOKEN")))
 *         .build()) {
 *     QueuePublisher orders = client.publisher(System.getenv("CLOUDFLARE_QUEUE_ID"));
 *     orders.pushJson(order).block(Duration.ofSeconds(30));
 * }
 * }</pre>
 * Thread safe.
 */
public final class CloudflareQueuesClient implements AutoCloseable {

	/**
	 * Cloudflare's API base URL.
	 */
	public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

	private static final Logger logger = LoggerFactory.getLogger(CloudflareQueuesClient.class);

	private final CloudflareQueuesApi api;

	private final @Nullable String accountId;

	private final Map<String, CloudflareCredentials> credentials;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	private final AccountRateLimiters rateLimiters;

	private final FlowControlSettings flowControl;

	private final @Nullable BatchingSettings batching;

	private final BodySerializer serializer;

	private final Duration shutdownTimeout;

	private final Instrumentation instrumentation;

	private final Map<String, Created> publishers = new LinkedHashMap<>();

	private final Map<String, CreatedConsumer> consumers = new LinkedHashMap<>();

	private final Map<AdminKey, QueueAdmin> admins = new ConcurrentHashMap<>();

	private boolean closed;

	private CloudflareQueuesClient(Builder builder, WebClient webClient) {
		this.api = new CloudflareQueuesApi(webClient, builder.baseUrl, builder.requestTimeout);
		this.accountId = builder.accountId;
		this.credentials = Map.copyOf(builder.credentials);
		this.retryPolicy = new RetryPolicy(builder.retry);
		this.retryListener = RetryListener.of(builder.retryListeners);
		this.rateLimiters = rateLimiters(builder);
		this.flowControl = builder.flowControl;
		this.batching = builder.batching;
		this.serializer = (builder.serializer != null) ? builder.serializer
				: new JacksonBodySerializer(JsonMapper.builder().build());
		this.shutdownTimeout = builder.shutdownTimeout;
		this.instrumentation = new Instrumentation(ObservationSettings.of(builder.observationRegistry,
				builder.observationConvention, builder.listenerObservationConvention),
				SafeMetricsRecorder.of(builder.metricsRecorder), Clock.systemUTC());
	}

	private static AccountRateLimiters rateLimiters(Builder builder) {
		if (!builder.pacing) {
			return AccountRateLimiters.pausesOnly(builder.rateLimit.maxWait(), builder.rateLimit.lockout());
		}
		return (builder.rateLimitStore != null) ? builder.rateLimitStore.limiters(builder.rateLimit)
				: AccountRateLimiters.of(builder.rateLimit);
	}

	/**
	 * Starts configuring a client.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The publisher of a queue of the client's account, named after its id, with the default options.
	 * @param queueId the queue's id
	 * @return the publisher
	 * @see #publisher(String, String, QueuePublisherOptions)
	 */
	public QueuePublisher publisher(String queueId) {
		return publisher(queueId, queueId, QueuePublisherOptions.DEFAULTS);
	}

	/**
	 * The publisher of a queue. Asking again for the same name, queue and options gives the same publisher; a name
	 * is used for one queue and one set of options only.
	 * @param name the queue's name in the application: in errors, logs and metrics
	 * @param queueId the queue's id at Cloudflare
	 * @param options the publisher's options
	 * @return the publisher
	 * @throws IllegalArgumentException if the name is taken by another queue or options, if the queue id is not
	 * one Cloudflare issues, or if the queue's account has no account id or credentials
	 * @throws IllegalStateException if the client is closed
	 */
	public QueuePublisher publisher(String name, String queueId, QueuePublisherOptions options) {
		requireNamedQueue(name, queueId, options);
		synchronized (this) {
			failIfClosed();
			Created existing = this.publishers.get(name);
			if (isSameQueue("publisher", name, queueId, options, existing)) {
				return existing.publisher;
			}
			Created created = create(name, queueId, options);
			this.publishers.put(name, created);
			return created.publisher;
		}
	}

	private static void requireNamedQueue(String name, String queueId, Object options) {
		Objects.requireNonNull(name, "The name must not be null");
		Objects.requireNonNull(queueId, "The queue id must not be null");
		Objects.requireNonNull(options, "The options must not be null");
	}

	private void failIfClosed() {
		if (this.closed) {
			throw new IllegalStateException("The Cloudflare Queues client is closed");
		}
	}

	/**
	 * Whether what a name already stands for is the queue and options asked for now.
	 * @return {@code false} when the name stands for nothing yet
	 * @throws IllegalArgumentException when it stands for another queue or other options
	 */
	private static boolean isSameQueue(String kind, String name, String queueId, Object options,
			@Nullable Registered existing) {
		if (existing == null) {
			return false;
		}
		if (!existing.queueId().equals(queueId) || !existing.options().equals(options)) {
			throw new IllegalArgumentException("A " + kind + " named '" + name + "' already exists for queue "
					+ existing.queueId() + " with " + existing.options() + "; a name stands for one queue");
		}
		return true;
	}

	private Created create(String name, String queueId, QueuePublisherOptions options) {
		QueueEndpoint endpoint = endpoint(name, queueId, options.accountId(), options.credentials());
		MessageEncoder encoder = new MessageEncoder(endpoint, options, this.serializer);
		QueueSender sender = sender(endpoint);
		FlowController flow = new FlowController(this.flowControl, endpoint, sender.instrumentation().recorder());
		this.instrumentation.flowControl(name, flow);
		DefaultQueuePublisher direct = new DefaultQueuePublisher(encoder, sender, flow);
		BatchingSettings batching = options.batching(this.batching);
		if (batching == null) {
			return new Created(queueId, options, direct, direct, sender);
		}
		BatchingQueuePublisher batchingPublisher = new BatchingQueuePublisher(direct, batching);
		return new Created(queueId, options, batchingPublisher, batchingPublisher, sender);
	}

	private QueueSender sender(QueueEndpoint endpoint) {
		RequestGate gate = this.rateLimiters.forQueue(endpoint);
		this.instrumentation.account(endpoint.accountId(), this.rateLimiters.forAccount(endpoint.accountId()));
		return new QueueSender(endpoint, this.api, gate, this.retryPolicy, this.retryListener,
				this.instrumentation.forQueue(endpoint, gate));
	}

	/**
	 * The consumer of a queue of the client's account, named after its id, with the default options.
	 * @param queueId the queue's id
	 * @return the consumer
	 * @see #consumer(String, String, QueueConsumerOptions)
	 */
	public QueueConsumer consumer(String queueId) {
		return consumer(queueId, queueId, QueueConsumerOptions.DEFAULTS);
	}

	/**
	 * The consumer of a queue. Asking again for the same name, queue and options gives the same consumer; a name is
	 * used for one queue and one set of options only (a publisher may share it).
	 * @param name the queue's name in the application: in errors, logs and metrics
	 * @param queueId the queue's id at Cloudflare
	 * @param options the consumer's options
	 * @return the consumer
	 * @throws IllegalArgumentException if the name is taken by another queue or options, if the queue id is not
	 * one Cloudflare issues, or if the queue's account has no account id or credentials
	 * @throws IllegalStateException if the client is closed
	 */
	public QueueConsumer consumer(String name, String queueId, QueueConsumerOptions options) {
		requireNamedQueue(name, queueId, options);
		synchronized (this) {
			failIfClosed();
			CreatedConsumer existing = this.consumers.get(name);
			if (isSameQueue("consumer", name, queueId, options, existing)) {
				return existing.consumer;
			}
			QueueEndpoint endpoint = endpoint(name, queueId, options.accountId(), options.credentials());
			QueueSender sender = sender(endpoint);
			HttpPullConsumerSettings createIfMissing = options.createIfMissing();
			HttpPullSetup setup = (createIfMissing != null)
					? new HttpPullSetup(admin(endpoint.accountId(), endpoint.credentials()), endpoint, createIfMissing)
					: null;
			DefaultQueueConsumer consumer = new DefaultQueueConsumer(sender, options, this.serializer, setup);
			this.consumers.put(name, new CreatedConsumer(queueId, options, consumer, sender));
			return consumer;
		}
	}

	/**
	 * The admin of the client's account.
	 * @return the admin
	 * @throws IllegalArgumentException if the client has no account id, or no credentials for it
	 * @see #admin(String, CloudflareCredentials)
	 */
	public QueueAdmin admin() {
		if (this.accountId == null) {
			throw new IllegalArgumentException("The client has no account: set its accountId, or name the account");
		}
		return admin(this.accountId);
	}

	/**
	 * The admin of an account the client has credentials for.
	 * @param accountId the account id
	 * @return the admin
	 * @throws IllegalArgumentException if the client has no credentials for the account
	 */
	public QueueAdmin admin(String accountId) {
		CloudflareCredentials accountCredentials = this.credentials.get(QueueEndpoint.checkId(accountId, "account id"));
		if (accountCredentials == null) {
			throw new IllegalArgumentException("No credentials for account " + accountId
					+ ": give the client credentials for it, or pass them to admin(accountId, credentials)");
		}
		return admin(accountId, accountCredentials);
	}

	/**
	 * The admin of an account, with the given credentials. It shares the client's HTTP client, the account's rate
	 * limiter and the retry settings; asking again for the same account and credentials gives the same admin, and
	 * with it the queue ids it has looked up.
	 * @param accountId the account id
	 * @param credentials the credentials
	 * @return the admin
	 */
	public QueueAdmin admin(String accountId, CloudflareCredentials credentials) {
		QueueEndpoint.checkId(accountId, "account id");
		Objects.requireNonNull(credentials, "The credentials must not be null");
		return this.admins.computeIfAbsent(new AdminKey(accountId, credentials),
				(key) -> new DefaultQueueAdmin(this.api, accountId, credentials,
						this.rateLimiters.forAccount(accountId), this.retryPolicy, this.retryListener));
	}

	private QueueEndpoint endpoint(String name, String queueId, @Nullable String accountId,
			@Nullable CloudflareCredentials ownCredentials) {
		QueueEndpoint.checkId(queueId, "queue id");
		String account = (accountId != null) ? accountId : this.accountId;
		if (account == null) {
			throw new IllegalArgumentException("No account for queue '" + name + "': set the client's accountId, or "
					+ "the account in the queue's options");
		}
		CloudflareCredentials queueCredentials = (ownCredentials != null) ? ownCredentials
				: this.credentials.get(account);
		if (queueCredentials == null) {
			throw new IllegalArgumentException("No credentials for account " + account + " (queue '" + name
					+ "'): give the client credentials for it, or credentials in the queue's options");
		}
		return new QueueEndpoint(name, account, queueId, queueCredentials);
	}

	/**
	 * A queue as this client last saw it, from the answers it already received: no request is made. For health
	 * checks.
	 * @param queueName the queue's name, as given to {@link #publisher(String, String, QueuePublisherOptions)} or
	 * {@link #consumer(String, String, QueueConsumerOptions)}
	 * @return the queue's state; {@linkplain QueueStatus#unknown(String) unknown} when the client has made nothing
	 * for that name
	 */
	public QueueStatus status(String queueName) {
		Objects.requireNonNull(queueName, "The queue name must not be null");
		return this.instrumentation.status(queueName);
	}

	/**
	 * Every queue the client made a publisher or consumer for, as last seen.
	 * @return the states by queue name, in the order the queues were first used
	 */
	public Map<String, QueueStatus> statuses() {
		return this.instrumentation.statuses();
	}

	/**
	 * Asks Cloudflare for a queue's backlog now: one {@code GET .../metrics} request (retried as any request), which
	 * counts against the account's rate limit and needs "Queues Read". The answer also updates
	 * {@link #status(String)}.
	 * @param queueName the queue's name, as given to a publisher or consumer of this client
	 * @return the backlog
	 * @throws IllegalArgumentException if the client has made no publisher or consumer for that name
	 */
	public Mono<QueueMetrics> metrics(String queueName) {
		Objects.requireNonNull(queueName, "The queue name must not be null");
		QueueSender sender;
		synchronized (this) {
			Created publisher = this.publishers.get(queueName);
			CreatedConsumer consumer = this.consumers.get(queueName);
			sender = (publisher != null) ? publisher.sender() : (consumer != null) ? consumer.sender() : null;
			if (sender == null) {
				Set<String> known = new LinkedHashSet<>(this.publishers.keySet());
				known.addAll(this.consumers.keySet());
				throw new IllegalArgumentException("No publisher or consumer of this client is named '" + queueName
						+ "'; known queues: " + known);
			}
		}
		return sender.instrumentation().withCallerParent(sender.metrics());
	}

	/**
	 * Shuts the client down without blocking: refuses new pushes, pulls, publishers and consumers at once, sends what
	 * the publishers hold and the settlements the consumers gathered within the timeout, then fails what is still
	 * unanswered (a {@link io.github.cfqueues.client.error.PublisherClosedException} for a push). One publisher's or
	 * consumer's trouble does not hold up the others. Calling it again does no harm.
	 * @param timeout how long to wait for held messages to be answered
	 * @return completes when every held message has its answer or its error
	 */
	public Mono<Void> shutdown(Duration timeout) {
		return Mono.defer(() -> {
			List<GracefulShutdown> toStop = new ArrayList<>();
			synchronized (this) {
				this.closed = true;
				this.publishers.values().forEach((created) -> toStop.add(created.shutdown));
				this.consumers.values().forEach((created) -> toStop.add(created.consumer));
			}
			return Flux.fromIterable(toStop)
				.flatMap((publisher) -> Mono.defer(() -> publisher.shutdown(timeout)).onErrorResume((ex) -> {
					logger.warn("Shutting down {} failed; its held messages may be lost", publisher, ex);
					return Mono.empty();
				}))
				.then(Mono.fromRunnable(this.instrumentation::close));
		});
	}

	/**
	 * Shuts the client down and waits for it: {@link #shutdown(Duration)} with the builder's
	 * {@link Builder#shutdownTimeout(Duration) shutdown timeout}.
	 */
	@Override
	public void close() {
		shutdown(this.shutdownTimeout).block();
	}

	/**
	 * Whether {@link #shutdown(Duration)} or {@link #close()} was called.
	 * @return {@code true} once closing has begun
	 */
	public synchronized boolean isClosed() {
		return this.closed;
	}

	@Override
	public String toString() {
		synchronized (this) {
			return "CloudflareQueuesClient[accountId=" + this.accountId + ", accounts=" + this.credentials.keySet()
					+ ", publishers=" + this.publishers.keySet() + ", consumers=" + this.consumers.keySet() + "]";
		}
	}

	private interface Registered {

		String queueId();

		Object options();

	}

	private record Created(String queueId, QueuePublisherOptions options, QueuePublisher publisher,
			GracefulShutdown shutdown, QueueSender sender) implements Registered {
	}

	private record AdminKey(String accountId, CloudflareCredentials credentials) {
	}

	private record CreatedConsumer(String queueId, QueueConsumerOptions options, DefaultQueueConsumer consumer,
			QueueSender sender) implements Registered {
	}

	/**
	 * Builds a {@link CloudflareQueuesClient}. Every setting has Cloudflare's default or a safe one; only the
	 * account and its credentials are needed.
	 */
	public static final class Builder {

		private @Nullable WebClient webClient;

		private WebClient.@Nullable Builder webClientBuilder;

		private URI baseUrl = URI.create(DEFAULT_BASE_URL);

		private Duration requestTimeout = Duration.ofSeconds(30);

		private @Nullable String accountId;

		private final Map<String, CloudflareCredentials> credentials = new LinkedHashMap<>();

		private @Nullable CloudflareCredentials defaultCredentials;

		private RetrySettings retry = RetrySettings.DEFAULTS;

		private final List<RetryListener> retryListeners = new ArrayList<>();

		private RateLimitSettings rateLimit = RateLimitSettings.CLOUDFLARE;

		private boolean pacing = true;

		private @Nullable RedisRateLimitStore rateLimitStore;

		private FlowControlSettings flowControl = FlowControlSettings.DEFAULTS;

		private @Nullable BatchingSettings batching;

		private @Nullable BodySerializer serializer;

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private @Nullable ObservationRegistry observationRegistry;

		private @Nullable QueueOperationObservationConvention observationConvention;

		private @Nullable QueueListenerObservationConvention listenerObservationConvention;

		private MetricsRecorder metricsRecorder = MetricsRecorder.NONE;

		private Builder() {
		}

		/**
		 * The client to send with; its codecs, filters and observations apply. The client is copied and its copy
		 * adjusted (room for a large pull, no request-detail logging, credentials added after every filter). By
		 * default, {@code WebClient.create()}.
		 * @param webClient the client
		 * @return this builder
		 */
		public Builder webClient(WebClient webClient) {
			this.webClient = Objects.requireNonNull(webClient, "webClient must not be null");
			this.webClientBuilder = null;
			return this;
		}

		/**
		 * The builder of the client to send with, for example Spring Boot's; it is cloned, not changed.
		 * @param webClientBuilder the builder
		 * @return this builder
		 * @see #webClient(WebClient)
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
			this.webClient = null;
			return this;
		}

		/**
		 * The API's base URL: Cloudflare's by default; a local emulator in tests. It must follow
		 * {@link BaseUrls#check(URI) the rule}: https (or http to a loopback host), with no user info, query or
		 * fragment; {@link #build()} checks it.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
			return this;
		}

		/**
		 * The longest one request may take, from sending it to the whole answer (30 seconds by default). A wait
		 * for a rate-limit permit is not part of it.
		 * @param requestTimeout the timeout
		 * @return this builder
		 */
		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = positive(requestTimeout, "requestTimeout");
			return this;
		}

		/**
		 * The account of publishers whose options name none.
		 * @param accountId the account id
		 * @return this builder
		 */
		public Builder accountId(String accountId) {
			this.accountId = QueueEndpoint.checkId(accountId, "account id");
			bindDefaultCredentials();
			return this;
		}

		/**
		 * The credentials for {@link #accountId(String) the client's account}.
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder credentials(CloudflareCredentials credentials) {
			this.defaultCredentials = Objects.requireNonNull(credentials, "credentials must not be null");
			bindDefaultCredentials();
			return this;
		}

		private void bindDefaultCredentials() {
			if (this.accountId != null && this.defaultCredentials != null) {
				this.credentials.put(this.accountId, this.defaultCredentials);
			}
		}

		/**
		 * The credentials for another account, for publishers whose options name it.
		 * @param accountId the account id
		 * @param credentials its credentials
		 * @return this builder
		 */
		public Builder account(String accountId, CloudflareCredentials credentials) {
			this.credentials.put(QueueEndpoint.checkId(accountId, "account id"),
					Objects.requireNonNull(credentials, "credentials must not be null"));
			return this;
		}

		/**
		 * How failed requests are retried ({@link RetrySettings#DEFAULTS} by default).
		 * @param retry the settings
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			this.retry = Objects.requireNonNull(retry, "retry must not be null");
			return this;
		}

		/**
		 * Adds a listener told of every retry, after the ones added before.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder retryListener(RetryListener listener) {
			this.retryListeners.add(Objects.requireNonNull(listener, "listener must not be null"));
			return this;
		}

		/**
		 * How each account's requests are paced ({@link RateLimitSettings#CLOUDFLARE} by default).
		 * @param rateLimit the settings
		 * @return this builder
		 */
		public Builder rateLimit(RateLimitSettings rateLimit) {
			this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit must not be null");
			return this;
		}

		/**
		 * Whether requests are paced at all (on by default). Off, they go at once, but the pauses after
		 * Cloudflare's 429s still apply, with the rate limit's {@code maxWait} and {@code lockout}.
		 * @param pacing whether to pace
		 * @return this builder
		 */
		public Builder rateLimitPacing(boolean pacing) {
			this.pacing = pacing;
			return this;
		}

		/**
		 * Shares each account's rate limiter with every other process of the account through Redis, instead of
		 * pacing this process alone: the {@link #rateLimit(RateLimitSettings) rate limit} is then the whole
		 * fleet's, and its {@link RateLimitSettings#share() share} the part of the account the fleet uses. Pauses
		 * after Cloudflare's 429s are shared too. Off by default (each process paces itself).
		 * @param rateLimitStore the store, or {@code null} for a limiter of this process's own
		 * @return this builder
		 */
		public Builder rateLimitStore(@Nullable RedisRateLimitStore rateLimitStore) {
			this.rateLimitStore = rateLimitStore;
			return this;
		}

		/**
		 * How much each publisher may hold ({@link FlowControlSettings#DEFAULTS} by default).
		 * @param flowControl the settings
		 * @return this builder
		 */
		public Builder flowControl(FlowControlSettings flowControl) {
			this.flowControl = Objects.requireNonNull(flowControl, "flowControl must not be null");
			return this;
		}

		/**
		 * Gathers the single pushes of every publisher into batches, unless its options say otherwise. Off by
		 * default.
		 * @param batching the settings, or {@code null} to send each push alone
		 * @return this builder
		 */
		public Builder batching(@Nullable BatchingSettings batching) {
			this.batching = batching;
			return this;
		}

		/**
		 * Serializes JSON bodies: the application's JSON mapper, typically. By default, a plain Jackson
		 * {@code JsonMapper}.
		 * @param serializer the serializer
		 * @return this builder
		 */
		public Builder bodySerializer(BodySerializer serializer) {
			this.serializer = Objects.requireNonNull(serializer, "serializer must not be null");
			return this;
		}

		/**
		 * How long {@link CloudflareQueuesClient#close()} waits for held messages to be answered (10 seconds by
		 * default).
		 * @param shutdownTimeout the timeout
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = positive(shutdownTimeout, "shutdownTimeout");
			return this;
		}

		/**
		 * Observes every request to a queue, and every message a listener handles, in this registry: see
		 * {@link CloudflareQueuesObservationDocumentation}. The HTTP observations of the {@link #webClient(WebClient)
		 * client} nest under them. Nothing is observed by default.
		 * @param observationRegistry the registry, or {@code null} for none
		 * @return this builder
		 */
		public Builder observationRegistry(@Nullable ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The convention of the requests' observations, instead of {@link DefaultQueueOperationObservationConvention}.
		 * @param convention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable QueueOperationObservationConvention convention) {
			this.observationConvention = convention;
			return this;
		}

		/**
		 * The convention of the listeners' observations, instead of
		 * {@link DefaultQueueListenerObservationConvention}.
		 * @param convention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder listenerObservationConvention(@Nullable QueueListenerObservationConvention convention) {
			this.listenerObservationConvention = convention;
			return this;
		}

		/**
		 * Where the client reports its machinery for metrics, for example a
		 * {@link io.github.cfqueues.client.metrics.MicrometerMetricsRecorder}. Nothing
		 * is recorded by default. The client closes the recorder when it shuts down. An exception the recorder
		 * throws is logged (at WARN the first time for each of its methods) and otherwise ignored: a failing
		 * recorder costs metrics, never a message.
		 * @param metricsRecorder the recorder
		 * @return this builder
		 */
		public Builder metricsRecorder(MetricsRecorder metricsRecorder) {
			this.metricsRecorder = Objects.requireNonNull(metricsRecorder, "metricsRecorder must not be null");
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 * @throws IllegalStateException if a rate-limit store is set with pacing off
		 * @throws IllegalArgumentException if the base URL breaks {@link BaseUrls#check(URI) the rule}, or if the
		 * rate-limit store's fallback share leaves no room beyond the burst
		 */
		public CloudflareQueuesClient build() {
			BaseUrls.check(this.baseUrl);
			if (this.rateLimitStore != null) {
				if (!this.pacing) {
					throw new IllegalStateException("A rate-limit store needs pacing: rateLimitPacing(true)");
				}
				this.rateLimitStore.fallbackSettings(this.rateLimit);
			}
			WebClient client = (this.webClient != null) ? this.webClient
					: (this.webClientBuilder != null) ? this.webClientBuilder.clone().build() : WebClient.create();
			return new CloudflareQueuesClient(this, client);
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, () -> name + " must not be null");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, got " + duration);
			}
			return duration;
		}

	}

}
