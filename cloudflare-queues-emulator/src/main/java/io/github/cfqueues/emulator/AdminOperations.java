package io.github.cfqueues.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries out the queue, purge and consumer endpoints. A queue holds at most one consumer, of type
 * {@code http_pull}; queues created over HTTP start with none.
 */
final class AdminOperations {

	private final QueueRegistry queues;

	private final DeadLetters deadLetters;

	private final AdminRequestReader reader;

	private final AdminResultBodies results;

	private final Envelope envelope;

	AdminOperations(QueueRegistry queues, DeadLetters deadLetters, JsonBodies bodies, AdminResultBodies results,
			Envelope envelope) {
		this.queues = queues;
		this.deadLetters = deadLetters;
		this.reader = new AdminRequestReader(bodies);
		this.results = results;
		this.envelope = envelope;
	}

	/**
	 * Lists or creates the queues of an account.
	 */
	ApiResponse executeForAccount(Operation operation, String accountId, IncomingRequest request) {
		return switch (operation) {
			case LIST_QUEUES -> list(accountId, PageRequest.of(request.query()));
			case CREATE_QUEUE -> {
				String name = this.reader.readNewQueueName(request.body());
				yield this.envelope.success(this.results.queue(this.queues.createNamed(accountId, name)));
			}
			default -> throw new IllegalArgumentException(operation + " is not an account operation");
		};
	}

	/**
	 * Reads or changes a queue, its purge or its consumer.
	 */
	ApiResponse execute(Operation operation, ManagedQueue queue, @Nullable String consumerId, byte[] body) {
		this.deadLetters.catchUp(queue.address().accountId());
		return this.envelope.success(switch (operation) {
			case GET_QUEUE -> this.results.queue(queue);
			case UPDATE_QUEUE -> update(queue, this.reader.readQueueUpdate(body, QueueSettings.defaults()));
			case EDIT_QUEUE -> update(queue, this.reader.readQueueUpdate(body, queue.settings()));
			case DELETE_QUEUE -> {
				this.queues.delete(queue);
				yield this.results.none();
			}
			case PURGE -> {
				this.reader.readPurgeConfirmation(body);
				queue.purge();
				yield this.results.queue(queue);
			}
			case PURGE_STATUS -> this.results.purgeStatus(queue.lastPurge());
			case LIST_CONSUMERS -> consumers(queue);
			case CREATE_CONSUMER -> this.results.consumer(queue, queue.addConsumer(this.reader.readConsumer(body)));
			case GET_CONSUMER -> this.results.consumer(queue, requireConsumer(queue, consumerId));
			case UPDATE_CONSUMER -> this.results.consumer(queue,
					queue.replaceConsumer(requireConsumerId(queue, consumerId), this.reader.readConsumer(body)));
			case DELETE_CONSUMER -> {
				requireConsumer(queue, consumerId);
				queue.removeConsumer();
				yield this.results.none();
			}
			default -> throw new IllegalArgumentException(operation + " is not a queue administration operation");
		});
	}

	private ApiResponse list(String accountId, PageRequest page) {
		List<ManagedQueue> all = this.queues.inAccount(accountId);
		List<ManagedQueue> onPage = page.slice(all);
		ArrayNode result = this.envelope.arrayNode();
		onPage.forEach((queue) -> result.add(this.results.queue(queue)));
		return this.envelope.success(result, this.results.resultInfo(page, onPage.size(), all.size()));
	}

	private ObjectNode update(ManagedQueue queue, AdminRequestReader.QueueUpdate update) {
		if (update.name() != null) {
			this.queues.rename(queue, update.name());
		}
		queue.updateSettings(update.settings());
		return this.results.queue(queue);
	}

	private ArrayNode consumers(ManagedQueue queue) {
		ArrayNode result = this.envelope.arrayNode();
		HttpPullConsumer consumer = queue.consumer();
		if (consumer != null) {
			result.add(this.results.consumer(queue, consumer));
		}
		return result;
	}

	private static HttpPullConsumer requireConsumer(ManagedQueue queue, @Nullable String consumerId) {
		String id = requireConsumerId(queue, consumerId);
		HttpPullConsumer consumer = queue.consumer();
		if (consumer == null || !consumer.consumerId().equals(id)) {
			throw ApiErrors.consumerNotFound(id, queue.address());
		}
		return consumer;
	}

	private static String requireConsumerId(ManagedQueue queue, @Nullable String consumerId) {
		if (consumerId == null || !QueueAddress.isValidId(consumerId)) {
			throw ApiErrors.consumerNotFound(String.valueOf(consumerId), queue.address());
		}
		return consumerId;
	}

}
