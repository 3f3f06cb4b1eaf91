package io.github.cfqueues.emulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The paths the emulator answers, after {@code /client/v4/accounts/{account_id}/queues}: the queue list, a queue
 * ({@code /{queue_id}}), and the resources under a queue.
 */
enum Route {

	QUEUES(null),

	QUEUE(""),

	MESSAGES("messages"),

	MESSAGES_BATCH("messages/batch"),

	MESSAGES_PULL("messages/pull"),

	MESSAGES_ACK("messages/ack"),

	METRICS("metrics"),

	PURGE("purge"),

	CONSUMERS("consumers"),

	CONSUMER("consumers/{consumer_id}");

	private final @Nullable String suffix;

	Route(@Nullable String suffix) {
		this.suffix = suffix;
	}

	/**
	 * Returns the path after {@code /queues/{queue_id}/}, empty for the queue itself, or {@code null} for the
	 * queue list.
	 */
	@Nullable String suffix() {
		return this.suffix;
	}

	Optional<Operation> operation(String method) {
		return Arrays.stream(Operation.values())
			.filter((operation) -> operation.route() == this && operation.method().equals(method))
			.findFirst();
	}

	/**
	 * Returns the methods this path answers, as an {@code Allow} header lists them.
	 */
	String allowedMethods() {
		return Arrays.stream(Operation.values())
			.filter((operation) -> operation.route() == this)
			.map(Operation::method)
			.collect(Collectors.joining(", "));
	}

}
