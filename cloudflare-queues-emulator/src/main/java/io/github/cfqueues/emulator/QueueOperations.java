package io.github.cfqueues.emulator;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out an operation on a queue: reads the request body, changes the store, answers the result.
 */
final class QueueOperations {

	private final PushRequestReader pushReader;

	private final ConsumerRequestReader consumerReader;

	private final ResultBodies results;

	private final Envelope envelope;

	QueueOperations(JsonMapper mapper) {
		JsonBodies bodies = new JsonBodies(mapper);
		this.pushReader = new PushRequestReader(bodies);
		this.consumerReader = new ConsumerRequestReader(bodies);
		this.results = new ResultBodies(mapper);
		this.envelope = new Envelope(mapper);
	}

	ApiResponse execute(Operation operation, MessageStore store, byte[] body) {
		return this.envelope.success(switch (operation) {
			case PUSH -> this.results.push(store.add(List.of(this.pushReader.readMessage(body))));
			case BATCH -> this.results.push(store.add(this.pushReader.readBatch(body)));
			case PULL -> this.results.pull(store.pull(this.consumerReader.readPull(body)));
			case ACK -> this.results.ack(store.acknowledge(this.consumerReader.readAck(body)));
			case METRICS -> this.results.metrics(store.metrics());
		});
	}

}
