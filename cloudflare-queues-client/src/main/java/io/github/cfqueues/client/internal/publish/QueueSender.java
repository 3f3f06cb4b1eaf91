package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.internal.api.AckResponse;
import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.internal.api.EncodedMessage;
import io.github.cfqueues.client.internal.api.LeaseRetry;
import io.github.cfqueues.client.internal.api.PullResponse;
import io.github.cfqueues.client.internal.observe.QueueInstrumentation;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import io.github.cfqueues.client.observation.QueueOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sends one queue's requests (or, for an {@link QueueEndpoint#ofAccount account endpoint}, an account's). Each
 * attempt of a counted request (push, batch, metrics, admin calls) takes a permit from the {@link RequestGate}
 * (outside the request timeout), failures teach the gate (a 429 pauses it), and the whole is retried under the
 * {@link RetryPolicy}. Pulls and acks take no permit. Each request, its permit and retries
 * included, is observed as one operation, and every answer updates what the queue's {@link QueueInstrumentation}
 * remembers.
 */
public final class QueueSender {

	private static final Logger logger = LoggerFactory.getLogger(QueueSender.class);

	private final QueueEndpoint endpoint;

	private final CloudflareQueuesApi api;

	private final RequestGate gate;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	private final QueueInstrumentation instrumentation;

	private final Map<QueueOperation, RetryListener> retryListeners = new EnumMap<>(QueueOperation.class);

	public QueueSender(QueueEndpoint endpoint, CloudflareQueuesApi api, RequestGate gate, RetryPolicy retryPolicy,
			RetryListener retryListener) {
		this(endpoint, api, gate, retryPolicy, retryListener, QueueInstrumentation.detached(endpoint));
	}

	public QueueSender(QueueEndpoint endpoint, CloudflareQueuesApi api, RequestGate gate, RetryPolicy retryPolicy,
			RetryListener retryListener, QueueInstrumentation instrumentation) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
		this.api = Objects.requireNonNull(api, "api must not be null");
		this.gate = Objects.requireNonNull(gate, "gate must not be null");
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
		this.retryListener = Objects.requireNonNull(retryListener, "retryListener must not be null");
		this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation must not be null");
		for (QueueOperation operation : QueueOperation.values()) {
			this.retryListeners.put(operation,
					(failure, attempt, wait) -> onRetry(operation, failure, attempt, wait));
		}
	}

	/**
	 * The queue this sender sends to.
	 * @return the endpoint
	 */
	public QueueEndpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * What observes and remembers this queue's requests.
	 * @return the instrumentation
	 */
	public QueueInstrumentation instrumentation() {
		return this.instrumentation;
	}

	/**
	 * Pushes one message, retried as needed.
	 * @param message the message
	 * @return the answer
	 */
	public Mono<MessagePushResponse> push(EncodedMessage message) {
		return sendPush(QueueOperation.PUSH, 1, this.api.push(this.endpoint, message), false);
	}

	/**
	 * Pushes a batch within the API's limits, retried as a whole as needed.
	 * @param messages the messages
	 * @return the answer
	 */
	public Mono<MessagePushResponse> pushBatch(List<EncodedMessage> messages) {
		return sendPush(QueueOperation.BATCH_PUSH, messages.size(), this.api.pushBatch(this.endpoint, messages), false);
	}

	/**
	 * Waits for a permit for one counted request of this queue, for a caller that decides what to send only once it
	 * may send ({@link #pushBatchPermitted(List)}). Cancelling the wait gives the permit back.
	 * @param operation the operation, for the error
	 * @return completes when the request may go
	 */
	public Mono<Void> permit(String operation) {
		Mono<Void> permit = this.gate.permit(this.endpoint, operation);
		if (!this.instrumentation.recording()) {
			return permit;
		}
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return permit.doOnSuccess((granted) -> this.instrumentation.permitWaited(System.nanoTime() - start))
				.doOnError(QueueRateLimitedException.class, (refused) -> {
					if (refused.isLocal()) {
						this.instrumentation.permitRefused();
					}
				});
		});
	}

	/**
	 * Pushes a batch whose first attempt already holds the permit taken with {@link #permit(String)}; retries take
	 * their own.
	 * @param messages the messages, within the API's limits
	 * @return the answer
	 */
	public Mono<MessagePushResponse> pushBatchPermitted(List<EncodedMessage> messages) {
		return sendPush(QueueOperation.BATCH_PUSH, messages.size(), this.api.pushBatch(this.endpoint, messages), true);
	}

	/**
	 * Reads the queue's backlog metrics, retried as needed. Counts against the API rate limit.
	 * @return the metrics
	 */
	public Mono<QueueMetrics> metrics() {
		Mono<QueueMetrics> request = this.api.metrics(this.endpoint).doOnNext(this.instrumentation::answered);
		return send(QueueOperation.METRICS, 0, request, false);
	}

	/**
	 * Leases messages, retried as needed. Takes no rate-limit permit: Cloudflare does not count pulls.
	 * @param batchSize how many messages at most
	 * @param visibilityTimeout how long they stay leased
	 * @return the leased messages
	 */
	public Mono<PullResponse> pull(int batchSize, Duration visibilityTimeout) {
		Mono<PullResponse> request = this.api.pull(this.endpoint, batchSize, visibilityTimeout)
			.doOnNext(this::pulled);
		return this.instrumentation.observe(QueueOperation.PULL, 0, (response) -> response.messages().size(),
				this.retryPolicy.apply(failuresRemembered(QueueOperation.PULL, request), retryListener(QueueOperation.PULL)));
	}

	private void pulled(PullResponse response) {
		QueueMetrics metrics = response.metrics();
		this.instrumentation.answered((metrics.isKnown() || response.backlogCount() == null) ? metrics
				: new QueueMetrics(response.backlogCount(), null, null));
		this.instrumentation.recorder().pulled(this.endpoint.name(), response.messages().size());
	}

	/**
	 * Acknowledges and retries leased messages, retried as needed. Takes no rate-limit permit: Cloudflare does not
	 * count acks.
	 * @param acks the leases to acknowledge
	 * @param retries the leases to deliver again
	 * @return the counts and warnings
	 */
	public Mono<AckResponse> ack(List<String> acks, List<LeaseRetry> retries) {
		Mono<AckResponse> request = this.api.ack(this.endpoint, acks, retries)
			.doOnNext((response) -> this.instrumentation.answered(QueueMetrics.none()));
		return this.instrumentation.observe(QueueOperation.ACK, acks.size() + retries.size(), null,
				this.retryPolicy.apply(failuresRemembered(QueueOperation.ACK, request), retryListener(QueueOperation.ACK)));
	}

	/**
	 * Sends a counted request that is none of the queue operations observed (an admin call): each attempt takes a
	 * permit, failures teach the gate, and the whole is retried as needed.
	 * @param operation the operation, for a refusal
	 * @param request one attempt, made afresh on each subscription
	 * @param <T> the answer's type
	 * @return the answer
	 */
	public <T> Mono<T> send(String operation, Mono<T> request) {
		Mono<T> attempt = Mono.defer(() -> permit(operation).then(request))
			.doOnError(CloudflareQueuesException.class, this.gate::onFailure);
		return this.retryPolicy.apply(attempt, (failure, failedAttempt, wait) -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying {} after attempt {} failed, in {}: {}", operation, failedAttempt, wait,
						failure.getMessage());
			}
			this.retryListener.onRetry(failure, failedAttempt, wait);
		});
	}

	private <T> Mono<T> failuresRemembered(QueueOperation operation, Mono<T> request) {
		return request.doOnError(CloudflareQueuesException.class,
				(failure) -> this.instrumentation.failed(operation, failure));
	}

	private Mono<MessagePushResponse> sendPush(QueueOperation operation, int messages,
			Mono<MessagePushResponse> request, boolean firstAttemptPermitted) {
		return send(operation, messages, request.doOnNext((response) -> {
			this.instrumentation.answered(response.metrics());
			this.instrumentation.recorder().pushed(this.endpoint.name(), messages);
		}), firstAttemptPermitted);
	}

	private <T> Mono<T> send(QueueOperation operation, int messages, Mono<T> request, boolean firstAttemptPermitted) {
		String name = (operation == QueueOperation.BATCH_PUSH) ? "batch push" : operation.operationName();
		Mono<T> gated = Mono.defer(() -> permit(name).then(request));
		if (firstAttemptPermitted) {
			AtomicBoolean first = new AtomicBoolean(true);
			Mono<T> afterFirst = gated;
			gated = Mono.defer(() -> first.getAndSet(false) ? request : afterFirst);
		}
		Mono<T> attempt = gated.doOnError(CloudflareQueuesException.class, (failure) -> {
			this.gate.onFailure(failure);
			this.instrumentation.failed(operation, failure);
		});
		return this.instrumentation.observe(operation, messages, null,
				this.retryPolicy.apply(attempt, retryListener(operation)));
	}

	private RetryListener retryListener(QueueOperation operation) {
		return this.retryListeners.get(operation);
	}

	private void onRetry(QueueOperation operation, CloudflareQueuesException failure, int failedAttempt,
			Duration wait) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying after attempt {} failed, in {}: {}", failedAttempt, wait, failure.getMessage());
		}
		this.instrumentation.recorder().retried(this.endpoint.name(), operation, failure);
		this.retryListener.onRetry(failure, failedAttempt, wait);
	}

}
