package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.cfqueues.client.internal.api.AckResponse;
import io.github.cfqueues.client.internal.api.LeaseRetry;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.internal.api.PullResponse;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.internal.api.EncodedMessage;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sends one queue's requests. Each attempt of a counted request (push, batch, metrics) takes a permit from the
 * {@link RequestGate} (outside the request timeout), failures teach the gate (a 429 pauses it), and the whole is
 * retried under the {@link RetryPolicy}. Pulls and acks take no permit.
 */
public final class QueueSender {

	private static final Logger logger = LoggerFactory.getLogger(QueueSender.class);

	private final QueueEndpoint endpoint;

	private final CloudflareQueuesApi api;

	private final RequestGate gate;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	private final Consumer<CloudflareQueuesException> learn;

	private final RetryListener onRetry;

	public QueueSender(QueueEndpoint endpoint, CloudflareQueuesApi api, RequestGate gate, RetryPolicy retryPolicy,
			RetryListener retryListener) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
		this.api = Objects.requireNonNull(api, "api must not be null");
		this.gate = Objects.requireNonNull(gate, "gate must not be null");
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
		this.retryListener = Objects.requireNonNull(retryListener, "retryListener must not be null");
		this.learn = gate::onFailure;
		this.onRetry = this::onRetry;
	}

	/**
	 * The queue this sender sends to.
	 * @return the endpoint
	 */
	public QueueEndpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * Pushes one message, retried as needed.
	 * @param message the message
	 * @return the answer
	 */
	public Mono<MessagePushResponse> push(EncodedMessage message) {
		return send("push", this.api.push(this.endpoint, message));
	}

	/**
	 * Pushes a batch within the API's limits, retried as a whole as needed.
	 * @param messages the messages
	 * @return the answer
	 */
	public Mono<MessagePushResponse> pushBatch(List<EncodedMessage> messages) {
		return send("batch push", this.api.pushBatch(this.endpoint, messages));
	}

	/**
	 * Waits for a permit for one counted request of this queue, for a caller that decides what to send only once it
	 * may send ({@link #pushBatchPermitted(List)}). Cancelling the wait gives the permit back.
	 * @param operation the operation, for the error
	 * @return completes when the request may go
	 */
	public Mono<Void> permit(String operation) {
		return this.gate.permit(this.endpoint, operation);
	}

	/**
	 * Pushes a batch whose first attempt already holds the permit taken with {@link #permit(String)}; retries take
	 * their own.
	 * @param messages the messages, within the API's limits
	 * @return the answer
	 */
	public Mono<MessagePushResponse> pushBatchPermitted(List<EncodedMessage> messages) {
		return send("batch push", this.api.pushBatch(this.endpoint, messages), true);
	}

	/**
	 * Reads the queue's backlog metrics, retried as needed. Counts against the API rate limit.
	 * @return the metrics
	 */
	public Mono<QueueMetrics> metrics() {
		return send("metrics", this.api.metrics(this.endpoint));
	}

	/**
	 * Leases messages, retried as needed. Takes no rate-limit permit: Cloudflare does not count pulls.
	 * @param batchSize how many messages at most
	 * @param visibilityTimeout how long they stay leased
	 * @return the leased messages
	 */
	public Mono<PullResponse> pull(int batchSize, Duration visibilityTimeout) {
		return this.retryPolicy.apply(this.api.pull(this.endpoint, batchSize, visibilityTimeout), this::onRetry);
	}

	/**
	 * Acknowledges and retries leased messages, retried as needed. Takes no rate-limit permit: Cloudflare does not
	 * count acks.
	 * @param acks the leases to acknowledge
	 * @param retries the leases to deliver again
	 * @return the counts and warnings
	 */
	public Mono<AckResponse> ack(List<String> acks, List<LeaseRetry> retries) {
		return this.retryPolicy.apply(this.api.ack(this.endpoint, acks, retries), this::onRetry);
	}

	private <T> Mono<T> send(String operation, Mono<T> request) {
		return send(operation, request, false);
	}

	private <T> Mono<T> send(String operation, Mono<T> request, boolean firstAttemptPermitted) {
		Mono<T> permitted = Mono.defer(() -> this.gate.permit(this.endpoint, operation).then(request));
		if (firstAttemptPermitted) {
			AtomicBoolean first = new AtomicBoolean(true);
			Mono<T> gated = permitted;
			permitted = Mono.defer(() -> first.getAndSet(false) ? request : gated);
		}
		return this.retryPolicy.apply(permitted.doOnError(CloudflareQueuesException.class, this.learn), this.onRetry);
	}

	private void onRetry(CloudflareQueuesException failure, int failedAttempt, Duration wait) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying after attempt {} failed, in {}: {}", failedAttempt, wait, failure.getMessage());
		}
		this.retryListener.onRetry(failure, failedAttempt, wait);
	}

}
