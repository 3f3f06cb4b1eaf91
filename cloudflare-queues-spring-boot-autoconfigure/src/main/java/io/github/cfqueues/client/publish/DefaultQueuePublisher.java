package io.github.cfqueues.client.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.api.CloudflareQueuesApi;
import io.github.cfqueues.client.api.EncodedMessage;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.retry.RetryListener;
import io.github.cfqueues.client.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends each push as its own request (a batch push as few requests as the limits allow), retried under the
 * {@link RetryPolicy}.
 */
public final class DefaultQueuePublisher implements QueuePublisher {

	private static final Logger logger = LoggerFactory.getLogger(DefaultQueuePublisher.class);

	private final QueueEndpoint endpoint;

	private final CloudflareQueuesApi api;

	private final MessageEncoder encoder;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	public DefaultQueuePublisher(QueueEndpoint endpoint, CloudflareQueuesApi api, MessageEncoder encoder,
			RetryPolicy retryPolicy, RetryListener retryListener) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
		this.api = Objects.requireNonNull(api, "api must not be null");
		this.encoder = Objects.requireNonNull(encoder, "encoder must not be null");
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
		this.retryListener = Objects.requireNonNull(retryListener, "retryListener must not be null");
	}

	@Override
	public String queueName() {
		return this.endpoint.name();
	}

	@Override
	public Mono<MessagePushResponse> push(QueueMessage message) {
		Objects.requireNonNull(message, "message must not be null");
		return Mono.defer(() -> withRetry(this.api.push(this.endpoint, this.encoder.encode(message, 0, "push"))));
	}

	@Override
	public Mono<BatchPushResponse> pushBatch(List<QueueMessage> messages) {
		Objects.requireNonNull(messages, "messages must not be null");
		return Mono.defer(() -> {
			List<EncodedMessage> encoded = new ArrayList<>(messages.size());
			for (int i = 0; i < messages.size(); i++) {
				encoded.add(this.encoder.encode(messages.get(i), i, "batch push"));
			}
			return sendInOrder(BatchSplitter.split(encoded), encoded.size());
		});
	}

	private Mono<BatchPushResponse> sendInOrder(List<List<EncodedMessage>> batches, int total) {
		AtomicInteger delivered = new AtomicInteger();
		return Flux.fromIterable(batches)
			.concatMap((batch) -> withRetry(this.api.pushBatch(this.endpoint, batch))
				.doOnNext((response) -> delivered.addAndGet(batch.size())))
			.collectList()
			.map((responses) -> new BatchPushResponse(total, responses))
			.onErrorMap(CloudflareQueuesException.class, (ex) -> new BatchPushException(ex,
					indexes(0, delivered.get()), indexes(delivered.get(), total)));
	}

	private static List<Integer> indexes(int from, int to) {
		return IntStream.range(from, to).boxed().toList();
	}

	private <T> Mono<T> withRetry(Mono<T> attempt) {
		return this.retryPolicy.apply(attempt, this::onRetry);
	}

	private void onRetry(CloudflareQueuesException failure, int failedAttempt, java.time.Duration wait) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying after attempt {} failed, in {}: {}", failedAttempt, wait, failure.getMessage());
		}
		this.retryListener.onRetry(failure, failedAttempt, wait);
	}

	@Override
	public String toString() {
		return "DefaultQueuePublisher[" + this.endpoint + "]";
	}

}
