package io.github.cfqueues.emulator;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Carries out push, batch, pull, ack and metrics on a queue: reads the request body, changes the store, answers
 * the result. Pull and ack need the queue's HTTP pull consumer, whose settings fill in what the request leaves
 * out and decide when a message runs out of retries. A pull is refused while the consumer warms up and while the
 * queue is paused; acks and retries are not, so a consumer can settle what it pulled before the pause.
 */
final class MessageOperations {

	private final PushRequestReader pushReader;

	private final ConsumerRequestReader consumerReader;

	private final ResultBodies results;

	private final DeadLetters deadLetters;

	private final ConsumerWarmUp warmUp;

	MessageOperations(JsonBodies bodies, ResultBodies results, DeadLetters deadLetters, ConsumerWarmUp warmUp) {
		this.pushReader = new PushRequestReader(bodies);
		this.consumerReader = new ConsumerRequestReader(bodies);
		this.results = results;
		this.deadLetters = deadLetters;
		this.warmUp = warmUp;
	}

	JsonNode execute(Operation operation, ManagedQueue queue, byte[] body) {
		this.deadLetters.catchUp(queue.address().accountId());
		MessageStore store = queue.store();
		return switch (operation) {
			case PUSH -> this.results
				.push(store.add(List.of(this.pushReader.readMessage(body)), queue.settings().deliveryDelay()));
			case BATCH -> this.results
				.push(store.add(this.pushReader.readBatch(body), queue.settings().deliveryDelay()));
			case PULL -> this.results.pull(pull(queue, body));
			case ACK -> this.results.ack(acknowledge(queue, body));
			case METRICS -> this.results.metrics(store.metrics());
			default -> throw new IllegalArgumentException(operation + " is not a message operation");
		};
	}

	private PullResult pull(ManagedQueue queue, byte[] body) {
		HttpPullConsumer consumer = requireHttpPull(queue);
		this.warmUp.check(queue, consumer);
		if (queue.settings().deliveryPaused()) {
			throw ApiErrors.deliveryPaused(queue.address(), queue.name());
		}
		PullResult result = queue.store().pull(this.consumerReader.readPull(body), consumer.settings());
		this.deadLetters.settle(queue, result.exhausted());
		return result;
	}

	private AckResult acknowledge(ManagedQueue queue, byte[] body) {
		HttpPullConsumer consumer = requireHttpPull(queue);
		AckResult result = queue.store().acknowledge(this.consumerReader.readAck(body), consumer.settings());
		this.deadLetters.settle(queue, result.exhausted());
		return result;
	}

	private static HttpPullConsumer requireHttpPull(ManagedQueue queue) {
		HttpPullConsumer consumer = queue.consumer();
		if (consumer == null) {
			throw ApiErrors.httpPullNotEnabled(queue.address(), queue.name());
		}
		return consumer;
	}

}
