package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.internal.api.EncodedMessage;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.observe.QueueInstrumentation;
import io.github.cfqueues.client.observation.QueueOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends each push as its own request, and a batch push as few requests as the limits allow, one after another.
 * Flow control bounds the messages it holds (waiting for a permit or in flight).
 */
public final class DefaultQueuePublisher implements QueuePublisher, GracefulShutdown {

	private static final Logger logger = LoggerFactory.getLogger(DefaultQueuePublisher.class);

	private static final ToIntFunction<Throwable> ONE_MESSAGE = (error) -> 1;

	final MessageEncoder encoder;

	final QueueSender sender;

	final FlowController flow;

	private final AdmittedRequests requests;

	public DefaultQueuePublisher(MessageEncoder encoder, QueueSender sender, FlowController flow) {
		this.encoder = Objects.requireNonNull(encoder, "encoder must not be null");
		this.sender = Objects.requireNonNull(sender, "sender must not be null");
		this.flow = Objects.requireNonNull(flow, "flow must not be null");
		this.requests = new AdmittedRequests(flow);
	}

	@Override
	public String queueName() {
		return this.sender.endpoint().name();
	}

	@Override
	public Mono<MessagePushResponse> push(QueueMessage message) {
		Objects.requireNonNull(message, "The message must not be null");
		QueueInstrumentation instrumentation = this.sender.instrumentation();
		return instrumentation.countFailures(QueueOperation.PUSH, ONE_MESSAGE,
				instrumentation.withCallerParent(Mono.defer(() -> {
					EncodedMessage encoded = this.encoder.encode(message, 0, "push");
					return this.requests.send("push", 1, encoded.size(), () -> this.sender.push(encoded));
				})));
	}

	@Override
	public Mono<BatchPushResponse> pushBatch(List<QueueMessage> messages) {
		Objects.requireNonNull(messages, "The list of messages must not be null");
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i) == null) {
				throw new NullPointerException("Message " + i + " of the batch is null");
			}
		}
		QueueInstrumentation instrumentation = this.sender.instrumentation();
		return instrumentation.countFailures(QueueOperation.BATCH_PUSH, (error) -> undelivered(error, messages.size()),
				instrumentation.withCallerParent(Mono.defer(() -> {
					List<EncodedMessage> encoded = new ArrayList<>(messages.size());
					for (int i = 0; i < messages.size(); i++) {
						encoded.add(this.encoder.encode(messages.get(i), i, "batch push"));
					}
					return sendInOrder(BatchSplitter.split(encoded), encoded.size());
				})));
	}

	private static int undelivered(Throwable error, int messages) {
		return (error instanceof BatchPushException batch) ? batch.getUndelivered().size() : messages;
	}

	private Mono<BatchPushResponse> sendInOrder(List<List<EncodedMessage>> batches, int total) {
		AtomicInteger delivered = new AtomicInteger();
		return Flux.fromIterable(batches)
			.concatMap((batch) -> this.requests
				.send("batch push", batch.size(), BatchSplitter.bytes(batch), () -> this.sender.pushBatch(batch))
				.doOnNext((response) -> delivered.addAndGet(batch.size())), 1)
			.collectList()
			.map((responses) -> new BatchPushResponse(total, responses))
			.onErrorMap(CloudflareQueuesException.class, (ex) -> new BatchPushException(ex,
					indexes(0, delivered.get()), indexes(delivered.get(), total)));
	}

	private static List<Integer> indexes(int from, int to) {
		return IntStream.range(from, to).boxed().toList();
	}

	@Override
	public Mono<Void> shutdown(Duration timeout) {
		return Mono.defer(() -> {
			this.flow.close();
			return this.flow.whenIdle().timeout(timeout).onErrorResume(TimeoutException.class, (ex) -> {
				int unanswered = this.requests.abortAll((operation) -> new PublisherClosedException(
						"No answer before the shutdown timeout: the message may or may not have been delivered",
						FailureDetails.noResponse(operation, queueName(), this.sender.endpoint().queueId()), null));
				if (unanswered > 0) {
					logger.warn("Queue '{}': {} pushes still unanswered after the shutdown timeout ({}); they fail",
							queueName(), unanswered, timeout);
				}
				return Mono.empty();
			});
		});
	}

	@Override
	public String toString() {
		return "DefaultQueuePublisher[" + this.sender.endpoint() + "]";
	}

}
