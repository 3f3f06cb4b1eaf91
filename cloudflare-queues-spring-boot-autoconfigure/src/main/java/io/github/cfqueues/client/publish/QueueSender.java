package io.github.cfqueues.client.publish;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.api.CloudflareQueuesApi;
import io.github.cfqueues.client.api.EncodedMessage;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.ratelimit.RequestGate;
import io.github.cfqueues.client.retry.RetryListener;
import io.github.cfqueues.client.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sends one queue's push requests: each attempt takes a permit from the {@link RequestGate} (outside the request
 * timeout), failures teach the gate (a 429 pauses it), and the whole is retried under the {@link RetryPolicy}.
 */
public final class QueueSender {

	private static final Logger logger = LoggerFactory.getLogger(QueueSender.class);

	private final QueueEndpoint endpoint;

	private final CloudflareQueuesApi api;

	private final RequestGate gate;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	public QueueSender(QueueEndpoint endpoint, CloudflareQueuesApi api, RequestGate gate, RetryPolicy retryPolicy,
			RetryListener retryListener) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
		this.api = Objects.requireNonNull(api, "api must not be null");
		this.gate = Objects.requireNonNull(gate, "gate must not be null");
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
		this.retryListener = Objects.requireNonNull(retryListener, "retryListener must not be null");
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

	private <T> Mono<T> send(String operation, Mono<T> request) {
		Mono<T> attempt = this.gate.permit(this.endpoint, operation)
			.then(request)
			.doOnError(CloudflareQueuesException.class, this.gate::onFailure);
		return this.retryPolicy.apply(attempt, this::onRetry);
	}

	private void onRetry(CloudflareQueuesException failure, int failedAttempt, Duration wait) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying after attempt {} failed, in {}: {}", failedAttempt, wait, failure.getMessage());
		}
		this.retryListener.onRetry(failure, failedAttempt, wait);
	}

}
