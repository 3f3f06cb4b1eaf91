package io.github.cfqueues.emulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local, in-memory Cloudflare Queues HTTP API server on the loopback address.
 * <p>
 * It answers, under {@link #baseUrl()} and {@code /accounts/{account_id}/queues}, in Cloudflare's envelope with a
 * {@code cf-ray} header, enforcing Cloudflare's limits:
 * <ul>
 * <li>{@code GET} (paged with {@code page} and {@code per_page}, default 20, at most 1,000; with
 * {@code result_info}) and {@code POST} ({@code {"queue_name"}}) on the queue list;</li>
 * <li>{@code GET}, {@code PUT} (replaces every setting), {@code PATCH} (changes those named; both may rename) and
 * {@code DELETE} on {@code /{queue_id}};</li>
 * <li>{@code POST} on {@code /{queue_id}/messages} (push), {@code messages/batch}, {@code messages/pull} and
 * {@code messages/ack}; {@code GET} on {@code metrics};</li>
 * <li>{@code POST} ({@code {"delete_messages_permanently": true}}) and {@code GET} (the last purge's
 * {@code started_at} and {@code completed}, empty before any) on {@code purge};</li>
 * <li>{@code GET} and {@code POST} on {@code consumers}, {@code GET}, {@code PUT} (creates the consumer with that
 * id if the queue has none) and {@code DELETE} on {@code consumers/{consumer_id}}.</li>
 * </ul>
 * Checks run in this order, the first failure answering:
 * <table>
 * <caption>Errors, their codes and the HTTP status the emulator answers</caption>
 * <tr><th>Check</th><th>Code</th><th>Status</th></tr>
 * <tr><td>unknown path</td><td>7003 "No route for the URI"</td><td>404</td></tr>
 * <tr><td>known path, wrong method (with {@code Allow} listing the path's methods)</td><td>7003</td><td>405</td></tr>
 * <tr><td>both a Bearer token and X-Auth-Email/X-Auth-Key sent</td><td>10000</td><td>400</td></tr>
 * <tr><td>missing or unaccepted credentials</td><td>10000 "Authentication error"</td><td>403</td></tr>
 * <tr><td>account or queue id empty, over 32 characters or not letters and digits</td><td>10107</td>
 * <td>400</td></tr>
 * <tr><td>account rate limit exceeded or locked out (with {@code Retry-After}; never for pull and ack)</td>
 * <td>971</td><td>429</td></tr>
 * <tr><td>injected {@link Fault} (push and batch only)</td><td>as the fault says</td><td>as the fault says</td></tr>
 * <tr><td>unknown queue (unless queues are created automatically, which applies to push, batch, pull, ack and
 * metrics only)</td><td>10104</td><td>404</td></tr>
 * <tr><td>pull or ack on a queue without an {@code http_pull} consumer: "HTTP pull is not enabled on queue
 * ..."</td><td>11013</td><td>400</td></tr>
 * <tr><td>pull within the {@link Builder#consumerWarmUp(Duration) consumer warm-up} (off by default) after the
 * queue's consumer was created: "Service Unavailable: the HTTP pull consumer of queue ... was created moments ago
 * and is not ready yet; retry shortly"</td><td>15000</td><td>503</td></tr>
 * <tr><td>pull on a queue whose {@code delivery_paused} is true: "queue_delivery_paused: message delivery is paused
 * on queue ...", saying how to resume it</td><td>11014</td><td>409</td></tr>
 * <tr><td>unknown consumer id</td><td>11010</td><td>404</td></tr>
 * <tr><td>body is not JSON (also an empty push or batch body)</td><td>10208</td><td>400</td></tr>
 * <tr><td>consumer {@code type} other than {@code http_pull} (the emulator runs no Workers)</td><td>11012</td>
 * <td>400</td></tr>
 * <tr><td>body is JSON of the wrong shape: not an object, no {@code body}, {@code messages} not an array,
 * text with a non-string body, bad {@code batch_size} or {@code visibility_timeout_ms} on pull, an ack item
 * without {@code lease_id}; queue or consumer settings missing, of the wrong type or out of bounds; a consumer
 * without {@code type}; a purge without {@code "delete_messages_permanently": true}; also a bad {@code page} or
 * {@code per_page} query parameter</td><td>10207</td><td>400</td></tr>
 * <tr><td>{@code queue_name} missing or not 1 to 63 letters, digits, {@code -} or {@code _}</td><td>11003</td>
 * <td>400</td></tr>
 * <tr><td>{@code queue_name} already used by another queue of the account (create or rename)</td><td>11009</td>
 * <td>409</td></tr>
 * <tr><td>a second consumer on a queue (POST, or PUT to another consumer id)</td><td>11011</td><td>409</td></tr>
 * <tr><td>batch of 0 or more than 100 messages</td><td>10206</td><td>400</td></tr>
 * <tr><td>batch {@code delay_seconds} not a whole number from 0 to 86,400</td><td>10202</td><td>400</td></tr>
 * <tr><td>message {@code content_type} not text or json, message or retry {@code delay_seconds} invalid</td>
 * <td>10203</td><td>400</td></tr>
 * <tr><td>message over 128,000 bytes</td><td>10204</td><td>400</td></tr>
 * <tr><td>batch over 256,000 bytes</td><td>10205</td><td>400</td></tr>
 * <tr><td>a bug in the emulator</td><td>15000</td><td>500</td></tr>
 * </table>
 * Codes 11009 to 11014 are the emulator's own (Cloudflare documents none for these cases) and stay stable; 11003
 * is the code Cloudflare was seen to answer for an invalid queue name. For a paused queue Cloudflare documents the
 * 409 and the text {@code queue_delivery_paused}, which starts the emulator's message. A request the HTTP layer
 * cannot read gets a plain-text answer and the connection is closed: 400 when malformed, 413 for a body over
 * 32 MiB, 417 for an {@code Expect} other than {@code 100-continue}, 501 for a transfer coding other than chunked.
 * <p>
 * A message's size is the UTF-8 length of its body as sent (text: the string; json: the compact JSON text of the
 * body value) plus 100 bytes. Optional fields sent as JSON {@code null} count as absent.
 * <p>
 * Delivery follows Cloudflare's HTTP pull consumers:
 * <ul>
 * <li>HTTP pull is a switch per queue: only a queue with an {@code http_pull} consumer answers pull and ack. Queues
 * created in Java ({@link Builder#queue(String, String)}, {@link #createQueue(String, String)}) or automatically
 * get one with {@link ConsumerSettings#defaults() default settings}; queues created with {@code POST /queues} start
 * without one, as at Cloudflare.</li>
 * <li>Messages are delivered in arrival order once due: after their {@code delay_seconds}, or the queue's
 * {@code delivery_delay} when the push names none.</li>
 * <li>A paused queue ({@code delivery_paused}) accepts pushes and refuses pulls with 409, as Cloudflare documents.
 * It still accepts acks and retries: Cloudflare refuses only pulls, and a consumer can so settle what it pulled
 * before the pause rather than see it delivered again once delivery resumes. A retried message waits for the
 * resume; leases keep running out and retention keeps applying meanwhile.</li>
 * <li>A pull leases messages for its {@code visibility_timeout_ms} and counts a delivery in {@code attempts} (the
 * first is 1); a pull that leaves {@code batch_size} or {@code visibility_timeout_ms} out gets the consumer's.</li>
 * <li>An ack removes a message. Every lease of a message acknowledges it while it is in the queue, even after the
 * lease ran out and the message was delivered again; a used lease, or one whose message is gone, gets a warning.
 * Only the latest lease may retry.</li>
 * <li>A retry makes the message due again after its {@code delay_seconds}, or the consumer's {@code retry_delay}
 * when it names none (an explicit 0 overrides it). A message neither acknowledged nor retried is due again when
 * its lease runs out.</li>
 * <li>A message is delivered at most {@code max_retries + 1} times (Cloudflare: "sent to the DLQ after retrying
 * delivery (by default, 3 times)"): retried, or its lease running out, after that many deliveries, it moves to the
 * consumer's {@code dead_letter_queue} (a queue name in the same account) as a new message with the same body and
 * content type, or is dropped when there is none or it does not exist.</li>
 * <li>With a {@link Builder#consumerWarmUp(Duration) consumer warm-up} set, pulls fail with a transient 503 for
 * that long after the queue's consumer was created, as Cloudflare's pulls may right after an HTTP pull consumer
 * is created; acks are not affected.</li>
 * <li>Messages older than the queue's {@code message_retention_period} (default 4 days) are dropped.</li>
 * <li>Metrics and {@code message_backlog_count} count every message the queue holds, leased ones included.</li>
 * </ul>
 * Time-dependent changes happen on the emulator's {@link Builder#clock(Clock) clock}, applied before every request
 * and every read through {@link EmulatedQueue} or the inspection endpoints.
 * <p>
 * To see what reached the emulator, two read-only inspection endpoints outside Cloudflare's paths answer
 * {@code GET} with indented JSON and need no credentials: {@code /emulator/queues} ({@link #inspectionUrl()}) for
 * every queue, by account id then queue id, and {@code /emulator/queues/{account_id}/{queue_id}} for one.
 * <pre>{@code
 * {"now": "2026-01-01T00:00:05Z",
 *  "queues": [{"account_id": "account1", "queue_id": "queue1", "queue_name": "queue1",
 *              "delivery_paused": false, "http_pull_enabled": true,
 *              "backlog_count": 1, "backlog_bytes": 105, "older_messages_left_out": 0,
 *              "messages": [{"id": "<32 hex digits>", "content_type": "text", "body": "hello", "attempts": 1,
 *                            "enqueued_at": "2026-01-01T00:00:00Z", "visible_at": "2026-01-01T00:00:00Z",
 *                            "leased": true, "lease_expires_at": "2026-01-01T00:00:30Z"}],
 *              "received_count": 1, "acknowledged_count": 0, "retried_count": 0,
 *              "dead_lettered_count": 0, "dropped_count": 0}]}
 * }</pre>
 * One queue answers {@code {"now": ..., "queue": {...}}}. Times are on the emulator's clock. Each queue shows its
 * newest 100 messages in arrival order, {@code older_messages_left_out} counting the others; {@code body} is the
 * text as sent, or the compact JSON text of a json body; {@code visible_at} is when the message is or was due
 * (see {@link StoredMessage#visibleAt()}); {@code leased} says whether a lease is running, until
 * {@code lease_expires_at} ({@code null} when not leased). An unknown queue or path answers 404, a method other
 * than {@code GET} 405 (with {@code Allow: GET}), a request addressed to a host other than {@code 127.0.0.1},
 * {@code localhost} or {@code [::1]} 403 (against DNS rebinding), each as {@code {"error": "<what to do>"}}.
 * These requests are not API calls: they are not in {@link #requests()} and do not count against the account rate
 * limit. Any process on the machine can read them, message bodies included: the emulator is for development and
 * tests.
 * <p>
 * Typical use:
 * <pre>{@code
 * try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder()
 *         .apiToken("local-token")
 *         .queue("account1", "queue1")
 *         .start()) {
 *     URI base = emulator.baseUrl(); // http://127.0.0.1:<port>/client/v4
 *     ...
 *     assertThat(emulator.queue("account1", "queue1").orElseThrow().messages()).hasSize(1);
 * }
 * }</pre>
 * The server runs on daemon threads named {@code cf-queues-emulator-*} and sets no system property. Instances are
 * thread safe.
 */
public final class CloudflareQueuesEmulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CloudflareQueuesEmulator.class);

	private final int configuredPort;

	private final QueueRegistry queues;

	private final DeadLetters deadLetters;

	private final RequestLog requestLog = new RequestLog();

	private final AccountRateLimiter rateLimiter;

	private final FaultApplier faults;

	private final ExchangeHandler handler;

	private @Nullable HttpServerRunner server;

	private CloudflareQueuesEmulator(Builder builder) {
		JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		Envelope envelope = new Envelope(mapper);
		JsonBodies bodies = new JsonBodies(mapper);
		this.configuredPort = builder.port;
		this.queues = new QueueRegistry(builder.clock);
		this.deadLetters = new DeadLetters(this.queues, builder.clock);
		this.rateLimiter = new AccountRateLimiter(builder.rateLimit, builder.clock);
		this.faults = new FaultApplier(builder.faultInjector, envelope);
		Authenticator authenticator = new Authenticator(builder.credentials());
		MessageOperations messages = new MessageOperations(bodies, new ResultBodies(mapper), this.deadLetters,
				new ConsumerWarmUp(builder.consumerWarmUp, builder.clock));
		AdminOperations admin = new AdminOperations(this.queues, this.deadLetters, bodies,
				new AdminResultBodies(mapper), envelope);
		QueueApi api = new QueueApi(authenticator, this.rateLimiter, this.faults, this.queues,
				builder.autoCreateQueues, messages, admin, envelope);
		InspectionEndpoint inspection = new InspectionEndpoint(this.queues, this.deadLetters, mapper, builder.clock);
		this.handler = new ExchangeHandler(api, inspection, this.requestLog, envelope, builder.clock);
		builder.queues.forEach((address, name) -> {
			if (name != null) {
				this.queues.createOrGet(address, name);
			}
			else {
				this.queues.createOrGet(address);
			}
		});
	}

	/**
	 * Starts configuring an emulator.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts listening. Does nothing if already running; an emulator that was stopped may start again, keeping
	 * its queues (with port 0 it gets a new port).
	 * @return this emulator
	 * @throws java.io.UncheckedIOException if the port cannot be bound
	 */
	public synchronized CloudflareQueuesEmulator start() {
		if (this.server == null) {
			this.server = HttpServerRunner.start(this.configuredPort, this.handler);
			logger.info("Cloudflare Queues emulator listening on {}; see what reached it at {}", baseUrl(),
					inspectionUrl());
		}
		return this;
	}

	/**
	 * Stops listening, closes open connections and ends in-flight requests. Does nothing if not running.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
			logger.info("Cloudflare Queues emulator stopped");
		}
	}

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Returns whether the emulator is listening.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Returns the port the emulator listens on.
	 * @return the port
	 * @throws IllegalStateException if not running
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("The emulator is not running");
		}
		return this.server.port();
	}

	/**
	 * Returns the API base URL to configure a client with, such as {@code http://127.0.0.1:54321/client/v4}.
	 * @return the base URL
	 * @throws IllegalStateException if not running
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + port() + Router.BASE_PATH);
	}

	/**
	 * Returns the URL of the inspection endpoint that lists every queue and its messages, such as
	 * {@code http://127.0.0.1:54321/emulator/queues}: open it in a browser or with {@code curl}, no credentials
	 * needed. Append {@code /{account_id}/{queue_id}} for one queue.
	 * @return the inspection URL
	 * @throws IllegalStateException if not running
	 */
	public URI inspectionUrl() {
		return URI.create("http://127.0.0.1:" + port() + InspectionEndpoint.QUEUES_PATH);
	}

	/**
	 * Creates a queue named after its id, with an HTTP pull consumer of {@link ConsumerSettings#defaults()
	 * default settings}, or returns the queue if it exists. If another queue of the account already has that
	 * name, the new one is named after its id with the first free suffix {@code -2}, {@code -3}, ...
	 * @param accountId 1 to 32 letters or digits
	 * @param queueId 1 to 32 letters or digits
	 * @return the queue
	 * @throws IllegalArgumentException if an id is malformed
	 */
	public EmulatedQueue createQueue(String accountId, String queueId) {
		return view(this.queues.createOrGet(QueueAddress.of(accountId, queueId)));
	}

	/**
	 * Creates a queue with a name, with an HTTP pull consumer of {@link ConsumerSettings#defaults() default
	 * settings}, or returns the queue if it exists with that name.
	 * @param accountId 1 to 32 letters or digits
	 * @param queueId 1 to 32 letters or digits
	 * @param queueName 1 to 63 letters, digits, {@code -} or {@code _}, unique within the account
	 * @return the queue
	 * @throws IllegalArgumentException if an id or the name is malformed, the queue exists with another name, or
	 * another queue of the account has the name
	 */
	public EmulatedQueue createQueue(String accountId, String queueId, String queueName) {
		QueueName.requireValid(queueName, "queueName");
		return view(this.queues.createOrGet(QueueAddress.of(accountId, queueId), queueName));
	}

	/**
	 * Returns a queue if it exists.
	 * @param accountId the account id
	 * @param queueId the queue id
	 * @return the queue, or empty
	 */
	public Optional<EmulatedQueue> queue(String accountId, String queueId) {
		return this.queues.find(new QueueAddress(accountId, queueId)).map(this::view);
	}

	/**
	 * Returns the queue of an account with the given name, if there is one.
	 * @param accountId the account id
	 * @param queueName the queue name
	 * @return the queue, or empty
	 */
	public Optional<EmulatedQueue> queueByName(String accountId, String queueName) {
		return this.queues.findByName(accountId, queueName).map(this::view);
	}

	/**
	 * Returns every queue, by account id then queue id.
	 * @return the queues
	 */
	public List<EmulatedQueue> queues() {
		return this.queues.all().stream().map(this::view).toList();
	}

	/**
	 * Returns a snapshot of the API requests received since the start or the last {@link #resetRequests()}, in the
	 * order their answers were decided; requests to the inspection endpoints are left out. Kept in memory without
	 * bound.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return this.requestLog.snapshot();
	}

	/**
	 * Forgets the recorded requests.
	 */
	public void resetRequests() {
		this.requestLog.clear();
	}

	/**
	 * Returns how many requests the account rate limit rejected.
	 * @return the number of 429 answers caused by the account rate limit (injected faults excluded)
	 */
	public long rateLimitRejections() {
		return this.rateLimiter.rejections();
	}

	/**
	 * Replaces the fault injector, for the requests that arrive from now on.
	 * @param faultInjector the new injector, {@link FaultInjector#none()} for none
	 */
	public void setFaultInjector(FaultInjector faultInjector) {
		this.faults.setInjector(Objects.requireNonNull(faultInjector, "faultInjector must not be null"));
	}

	/**
	 * Empties every queue and forgets its history, as {@link EmulatedQueue#clear()} does (queues, settings and
	 * consumers stay), forgets recorded requests and resets the rate limit windows, lockouts and rejection count.
	 */
	public void reset() {
		queues().forEach(EmulatedQueue::clear);
		this.requestLog.clear();
		this.rateLimiter.reset();
	}

	private EmulatedQueue view(ManagedQueue queue) {
		return new EmulatedQueue(queue, this.deadLetters);
	}

	/**
	 * Configures a {@link CloudflareQueuesEmulator}. With no credentials configured at all, any non-empty
	 * credentials are accepted, as with {@link #acceptAnyCredentials()}.
	 */
	public static final class Builder {

		private int port;

		private final Set<String> apiTokens = new LinkedHashSet<>();

		private final Map<String, String> globalApiKeys = new LinkedHashMap<>();

		private boolean acceptAnyCredentials;

		private boolean autoCreateQueues;

		private Clock clock = Clock.systemUTC();

		private @Nullable RateLimit rateLimit;

		private FaultInjector faultInjector = FaultInjector.none();

		private Duration consumerWarmUp = Duration.ZERO;

		private final Map<QueueAddress, @Nullable String> queues = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the loopback port to listen on.
		 * @param port the port, 0 (the default) for a random free one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65_535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Accepts an API token sent as {@code Authorization: Bearer <token>}. May be called several times.
		 * @param token the token
		 * @return this builder
		 */
		public Builder apiToken(String token) {
			this.apiTokens.add(requireText(token, "token"));
			return this;
		}

		/**
		 * Accepts a legacy global API key sent as {@code X-Auth-Email} and {@code X-Auth-Key}. May be called
		 * several times.
		 * @param email the account email
		 * @param key the global API key
		 * @return this builder
		 */
		public Builder globalApiKey(String email, String key) {
			this.globalApiKeys.put(requireText(email, "email"), requireText(key, "key"));
			return this;
		}

		/**
		 * Accepts any non-empty token or email and key pair; missing credentials are still rejected.
		 * @return this builder
		 */
		public Builder acceptAnyCredentials() {
			this.acceptAnyCredentials = true;
			return this;
		}

		/**
		 * Sets whether a request to an unknown queue creates it rather than failing with 10104.
		 * @param autoCreateQueues {@code true} to create queues on first use; default {@code false}
		 * @return this builder
		 */
		public Builder autoCreateQueues(boolean autoCreateQueues) {
			this.autoCreateQueues = autoCreateQueues;
			return this;
		}

		/**
		 * Creates a queue when the emulator is built, as {@link CloudflareQueuesEmulator#createQueue(String, String)}
		 * does. May be called several times.
		 * @param accountId 1 to 32 letters or digits
		 * @param queueId 1 to 32 letters or digits
		 * @return this builder
		 */
		public Builder queue(String accountId, String queueId) {
			this.queues.putIfAbsent(QueueAddress.of(accountId, queueId), null);
			return this;
		}

		/**
		 * Creates a queue with a name when the emulator is built, as
		 * {@link CloudflareQueuesEmulator#createQueue(String, String, String)} does. May be called several times.
		 * @param accountId 1 to 32 letters or digits
		 * @param queueId 1 to 32 letters or digits
		 * @param queueName 1 to 63 letters, digits, {@code -} or {@code _}, unique within the account
		 * @return this builder
		 */
		public Builder queue(String accountId, String queueId, String queueName) {
			this.queues.put(QueueAddress.of(accountId, queueId), QueueName.requireValid(queueName, "queueName"));
			return this;
		}

		/**
		 * Sets the clock for message timestamps, delays, leases and the rate limit. Injected fault delays are
		 * real time regardless.
		 * @param clock the clock; default {@link Clock#systemUTC()}
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Enforces an account API rate limit, off by default. Every call but pull and ack counts; when one would
		 * make more than {@code requests} in the last {@code window}, it and every counted call of the account
		 * for the next {@code lockout} answer 429 with code 971 and {@code Retry-After}. Cloudflare's limit is
		 * 1,200 requests per 5 minutes with a 5 minute lockout.
		 * @param requests the calls allowed per window
		 * @param window the sliding window
		 * @param lockout how long an account stays blocked after going over; zero to block only while over
		 * @return this builder
		 */
		public Builder accountRateLimit(int requests, Duration window, Duration lockout) {
			this.rateLimit = new RateLimit(requests, window, lockout);
			return this;
		}

		/**
		 * Sets the fault injector consulted for every push and batch request.
		 * @param faultInjector the injector; default none
		 * @return this builder
		 * @see Faults
		 */
		public Builder faultInjector(FaultInjector faultInjector) {
			this.faultInjector = Objects.requireNonNull(faultInjector, "faultInjector must not be null");
			return this;
		}

		/**
		 * Makes pulls on a queue fail for a while after its HTTP pull consumer was created, as Cloudflare's may
		 * ("pulls may fail for a moment; retry"), so that a client's retries can be tested. Within {@code warmUp}
		 * of the consumer's creation, by the emulator's {@link #clock(Clock) clock}, a pull answers 503 with code
		 * 15000; afterwards pulls succeed. It applies to every new consumer: one created over the consumers API
		 * ({@code POST}, or {@code PUT} with a new id), by {@link EmulatedQueue#configureConsumer(ConsumerSettings)}
		 * on a queue without one, and the default consumer of a queue created in Java (including
		 * {@link #queue(String, String)}, whose consumer is created when the emulator is built) or automatically.
		 * Changing an existing consumer's settings starts no new warm-up. Acks are not affected.
		 * @param warmUp how long a new consumer refuses pulls; zero (the default) for not at all
		 * @return this builder
		 */
		public Builder consumerWarmUp(Duration warmUp) {
			Objects.requireNonNull(warmUp, "warmUp must not be null");
			if (warmUp.isNegative()) {
				throw new IllegalArgumentException("warmUp must not be negative, not " + warmUp);
			}
			this.consumerWarmUp = warmUp;
			return this;
		}

		/**
		 * Builds the emulator, not yet started.
		 * @return the emulator
		 */
		public CloudflareQueuesEmulator build() {
			return new CloudflareQueuesEmulator(this);
		}

		/**
		 * Builds and starts the emulator.
		 * @return the running emulator
		 */
		public CloudflareQueuesEmulator start() {
			return build().start();
		}

		private Credentials credentials() {
			boolean nothingConfigured = this.apiTokens.isEmpty() && this.globalApiKeys.isEmpty();
			return new Credentials(this.apiTokens, this.globalApiKeys, this.acceptAnyCredentials || nothingConfigured);
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be empty");
			}
			return value;
		}

	}

}
