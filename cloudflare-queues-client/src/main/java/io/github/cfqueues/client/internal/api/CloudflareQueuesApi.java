package io.github.cfqueues.client.internal.api;

import io.github.cfqueues.client.QueueLimits;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueServerException;
import io.github.cfqueues.client.error.QueueTransportException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The binding to the Cloudflare Queues HTTP API: the one class that knows its paths, headers and envelope. Each
 * method makes exactly one request when subscribed (retries are the caller's), bounded by the request timeout, and
 * fails only with a {@link CloudflareQueuesException}.
 * <p>
 * Request and response envelopes are written and read by the library's own JSON settings, so an application's
 * naming strategy or inclusion rules never change them.
 */
public final class CloudflareQueuesApi {

	/**
	 * The largest answer read: a 100-message pull of base64 bodies with room to spare.
	 */
	public static final int MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

	private static final byte[] NO_BODY = new byte[0];

	private static final Function<byte[], @Nullable ApiEnvelope> NO_SHORTCUT = (body) -> null;

	private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

	private static final int BODY_HINT_LENGTH = 80;

	/**
	 * Names the exchange so that the request timeout describes it without walking the operator chain on every
	 * subscription (Reactor computes that description eagerly).
	 */
	private static final String TIMED_REQUEST = "cloudflare-queues-request";

	/**
	 * The request attribute from which WebClient's HTTP observation takes its {@code uri} key: a template, never the
	 * account and queue ids.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final WebClient webClient;

	private final EndpointUris uris;

	private final Duration requestTimeout;

	private final Clock clock;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);

	private final JsonFactory jsonFactory = new JsonFactory();

	/**
	 * Creates the binding. The client is copied: its codecs are given room for a large pull and never log request
	 * details (so a {@code log-request-details} setting cannot print the credentials), and the credentials are written
	 * onto each outgoing request after all of its filters.
	 * @param webClient the client to send with (the application's codecs, SSL, filters and observations apply)
	 * @param baseUrl the API's base URL, for example Cloudflare's, {@code https://api.cloudflare.com/client/v4}
	 * @param requestTimeout the longest one request may take, from sending to the whole answer
	 */
	public CloudflareQueuesApi(WebClient webClient, URI baseUrl, Duration requestTimeout) {
		this(webClient, baseUrl, requestTimeout, Clock.systemUTC());
	}

	CloudflareQueuesApi(WebClient webClient, URI baseUrl, Duration requestTimeout, Clock clock) {
		Objects.requireNonNull(webClient, "webClient must not be null");
		this.webClient = webClient.mutate().codecs((codecs) -> {
			codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES);
			codecs.defaultCodecs().enableLoggingRequestDetails(false);
		}).build();
		this.uris = new EndpointUris(baseUrl);
		this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
		this.clock = clock;
	}

	/**
	 * Pushes one message: {@code POST .../queues/{queue_id}/messages}. The body is serialized now, once, and
	 * sent on every subscription.
	 * @param endpoint the queue
	 * @param message the message
	 * @return Cloudflare's answer
	 */
	public Mono<MessagePushResponse> push(QueueEndpoint endpoint, EncodedMessage message) {
		return exchange(HttpMethod.POST, endpoint, "push", "/messages", RequestBodyWriter.message(message),
				PushAnswerReader::read, CloudflareQueuesApi::pushResponse);
	}

	/**
	 * Pushes messages in one request: {@code POST .../queues/{queue_id}/messages/batch}. The caller keeps the
	 * batch within {@link QueueLimits}.
	 * @param endpoint the queue
	 * @param messages the messages, 1 to 100
	 * @return Cloudflare's answer
	 */
	public Mono<MessagePushResponse> pushBatch(QueueEndpoint endpoint, List<EncodedMessage> messages) {
		return exchange(HttpMethod.POST, endpoint, "batch push", "/messages/batch", RequestBodyWriter.batch(messages),
				PushAnswerReader::read, CloudflareQueuesApi::pushResponse);
	}

	/**
	 * Leases messages: {@code POST .../queues/{queue_id}/messages/pull}. Pulls do not count against the account's
	 * API rate limit.
	 * @param endpoint the queue
	 * @param batchSize how many messages at most, 1 to 100
	 * @param visibilityTimeout how long the messages stay leased, at most 12 hours
	 * @return the leased messages, possibly none
	 */
	public Mono<PullResponse> pull(QueueEndpoint endpoint, int batchSize, Duration visibilityTimeout) {
		if (batchSize < 1 || batchSize > QueueLimits.MAX_BATCH_MESSAGES) {
			throw new IllegalArgumentException("batchSize must be from 1 to 100, got " + batchSize);
		}
		if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(MAX_VISIBILITY_TIMEOUT) > 0) {
			throw new IllegalArgumentException("visibilityTimeout must be from 0 to 12 hours, got " + visibilityTimeout);
		}
		return exchange(HttpMethod.POST, endpoint, PullAdvice.PULL, "/messages/pull",
				PullAckBodies.pullRequest(this.jsonFactory, batchSize, visibilityTimeout))
			.map((envelope) -> PullAckBodies.pullResponse(envelope.result()));
	}

	/**
	 * Acknowledges leased messages and asks for others to be retried: {@code POST .../queues/{queue_id}/messages/ack}.
	 * Acks do not count against the account's API rate limit.
	 * @param endpoint the queue
	 * @param acks the lease ids to acknowledge
	 * @param retries the leases to deliver again after a delay
	 * @return the counts and warnings
	 */
	public Mono<AckResponse> ack(QueueEndpoint endpoint, List<String> acks, List<LeaseRetry> retries) {
		return exchange(HttpMethod.POST, endpoint, "ack", "/messages/ack",
				PullAckBodies.ackRequest(this.jsonFactory, acks, retries))
			.map((envelope) -> PullAckBodies.ackResponse(envelope.result()));
	}

	/**
	 * Reads the queue's backlog: {@code GET .../queues/{queue_id}/metrics}. Counts against the API rate limit.
	 * @param endpoint the queue
	 * @return the metrics
	 */
	public Mono<QueueMetrics> metrics(QueueEndpoint endpoint) {
		return exchange(HttpMethod.GET, endpoint, "metrics", "/metrics", null).map((envelope) -> {
			JsonNode result = envelope.result();
			return (result != null) ? ResultReader.metrics(result) : QueueMetrics.none();
		});
	}

	private Mono<ApiEnvelope> exchange(HttpMethod method, QueueEndpoint endpoint, String operation, String path,
			byte @Nullable [] body) {
		return exchange(method, endpoint, operation, path, body, NO_SHORTCUT, Function.identity());
	}

	private <T> Mono<T> exchange(HttpMethod method, QueueEndpoint endpoint, String operation, String path,
			byte @Nullable [] body, Function<byte[], @Nullable T> shortcut, Function<ApiEnvelope, T> read) {
		ApiCall call = new ApiCall(method, this.uris.of(endpoint, path), EndpointUris.template(path),
				endpoint.credentials(), operation, endpoint.name(), endpoint.queueId());
		return exchange(call, body, shortcut, read);
	}

	/**
	 * Makes one request to an endpoint other than a queue's message endpoints, for {@link AdminApi}.
	 * @param call the request
	 * @param body the JSON body, or {@code null} for none
	 * @param read reads a successful answer; an {@link UnreadableResultException} from it fails the call with a
	 * {@link QueueServerException} that says the request may have taken effect
	 * @return what {@code read} made of the answer
	 */
	<T> Mono<T> exchange(ApiCall call, byte @Nullable [] body, Function<ApiEnvelope, T> read) {
		return exchange(call, body, (bytes) -> null, read);
	}

	/**
	 * The URI of an account-level endpoint.
	 * @param accountId the account
	 * @param path the path below the account's queues, for example {@code ""} or {@code "/{queue_id}/purge"}
	 * @return the URI
	 */
	URI accountUri(String accountId, String path) {
		return this.uris.ofAccount(accountId, path);
	}

	/**
	 * The URI template of an account-level endpoint, relative to the base URL, for observations.
	 * @param pathTemplate the path below the account's queues, ids as variables, for example
	 * {@code /{queue_id}/purge}
	 * @return for example {@code /accounts/{account_id}/queues/{queue_id}/purge}
	 */
	static String accountTemplate(String pathTemplate) {
		return EndpointUris.accountTemplate(pathTemplate);
	}

	/**
	 * Makes one request and reads its answer: a 2xx answer first by the shortcut, when it can, otherwise (and every
	 * other answer) as an {@link ApiEnvelope}. The credentials are written onto the outgoing request itself, not onto
	 * the {@code ClientRequest}: filters, observations and request logs do not find them among its headers (a filter
	 * adding an {@code httpRequest} callback of its own could, as it runs after this one).
	 */
	private <T> Mono<T> exchange(ApiCall call, byte @Nullable [] body, Function<byte[], @Nullable T> shortcut,
			Function<ApiEnvelope, T> read) {
		CloudflareCredentials credentials = call.credentials();
		WebClient.RequestBodySpec request = this.webClient.method(call.method())
			.uri(call.uri())
			.attribute(URI_TEMPLATE_ATTRIBUTE, call.uriTemplate())
			.headers((headers) -> {
				headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
				headers.set(HttpHeaders.USER_AGENT, ClientInfo.USER_AGENT);
			})
			.httpRequest((outgoing) -> credentials.writeHeaders(outgoing.getHeaders()::set));
		return ((body != null) ? withBody(request, body) : request)
			.exchangeToMono((response) -> readBody(response)
				.defaultIfEmpty(NO_BODY)
				.onErrorMap((ex) -> !(ex instanceof CloudflareQueuesException),
						(ex) -> unreadableAnswer(response, ex, call))
				.flatMap((bytes) -> interpret(response, bytes, call, shortcut, read)))
			.name(TIMED_REQUEST)
			.timeout(this.requestTimeout)
			.onErrorMap((ex) -> !(ex instanceof CloudflareQueuesException), (ex) -> transportFailure(ex, call));
	}

	/**
	 * Sets the body as a ready buffer, with its length, so that no codec is looked up for it; the bytes on the wire
	 * are those a {@code bodyValue} would send. A new buffer for each attempt.
	 */
	private static WebClient.RequestHeadersSpec<?> withBody(WebClient.RequestBodySpec request, byte[] body) {
		return request.headers((headers) -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setContentLength(body.length);
		}).body(BodyInserters.fromDataBuffers(Mono.fromSupplier(() -> BUFFERS.wrap(body))));
	}

	/**
	 * Reads the whole answer into one array, failing with a {@link DataBufferLimitException} past
	 * {@value #MAX_RESPONSE_BYTES} bytes, with no codec looked up for it.
	 */
	private static Mono<byte[]> readBody(ClientResponse response) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_RESPONSE_BYTES)
			.map((joined) -> {
				try {
					byte[] bytes = new byte[joined.readableByteCount()];
					joined.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(joined);
				}
			});
	}

	private <T> Mono<T> interpret(ClientResponse response, byte[] body, ApiCall call,
			Function<byte[], @Nullable T> shortcut, Function<ApiEnvelope, T> read) {
		int status = response.statusCode().value();
		boolean success = status >= 200 && status < 300;
		if (success && body.length > 0) {
			T answer = shortcut.apply(body);
			if (answer != null) {
				return Mono.just(answer);
			}
		}
		ApiEnvelope envelope = (body.length > 0) ? ApiEnvelope.read(this.mapper, body) : null;
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (success && (body.length == 0 || (envelope != null && !Boolean.FALSE.equals(envelope.success())))) {
			try {
				return Mono.just(read.apply((envelope != null) ? envelope : ApiEnvelope.EMPTY));
			}
			catch (UnreadableResultException ex) {
				FailureDetails details = new FailureDetails(call.operation(), call.queueName(), call.queueId(), status,
						List.of(), headers.getFirst("cf-ray"), null);
				return Mono.error(new QueueServerException("Cloudflare answered HTTP " + status + " but "
						+ ex.getMessage() + ": the request may have taken effect", details, ex));
			}
		}
		FailureDetails details = new FailureDetails(call.operation(), call.queueName(), call.queueId(), status,
				(envelope != null) ? envelope.errors() : List.of(), headers.getFirst("cf-ray"),
				RetryAfter.parse(headers.getFirst("retry-after-ms"), headers.getFirst(HttpHeaders.RETRY_AFTER),
						this.clock));
		String hint = (envelope == null) ? describeBody(headers, body) : null;
		return Mono.error(FailureClassifier.classify(details, hint));
	}

	/**
	 * An answer arrived but its body could not be read (too large to buffer, or cut off): the status is known, and
	 * after a 2xx the request may have taken effect.
	 */
	private CloudflareQueuesException unreadableAnswer(ClientResponse response, Throwable ex, ApiCall call) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		FailureDetails details = new FailureDetails(call.operation(), call.queueName(), call.queueId(), status,
				List.of(), headers.getFirst("cf-ray"), null);
		String problem = "its answer could not be read (" + rootMessage(ex) + ")";
		if (status >= 200 && status < 300) {
			return new QueueServerException("Cloudflare answered HTTP " + status + " but " + problem
					+ ": the request may have taken effect (a pushed message may have been stored, and a retry may "
					+ "store it twice)", details, ex);
		}
		return FailureClassifier.classify(details, problem);
	}

	private static String describeBody(HttpHeaders headers, byte[] body) {
		if (body.length == 0) {
			return "empty body";
		}
		MediaType contentType = headers.getContentType();
		String text = new String(body, 0, Math.min(body.length, BODY_HINT_LENGTH * 4), StandardCharsets.UTF_8)
			.replaceAll("\\p{Cntrl}+", " ")
			.strip();
		if (text.length() > BODY_HINT_LENGTH) {
			text = text.substring(0, BODY_HINT_LENGTH) + "...";
		}
		return ((contentType != null) ? contentType + " " : "") + "'" + text + "'";
	}

	private static MessagePushResponse pushResponse(ApiEnvelope envelope) {
		return ResultReader.pushResponse(envelope.result());
	}

	private static CloudflareQueuesException transportFailure(Throwable ex, ApiCall call) {
		FailureDetails details = FailureDetails.noResponse(call.operation(), call.queueName(), call.queueId());
		if (ex instanceof TimeoutException) {
			return new QueueTransportException("No answer within the request timeout", details, true, ex);
		}
		return new QueueTransportException("The request failed before an answer arrived (" + rootMessage(ex) + ")",
				details, false, ex);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
