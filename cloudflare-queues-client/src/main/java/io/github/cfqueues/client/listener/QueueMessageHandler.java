package io.github.cfqueues.client.listener;

import io.github.cfqueues.client.ReceivedMessage;
import reactor.core.publisher.Mono;

/**
 * Handles the messages of one queue: the functional alternative to a {@link QueueListener @QueueListener} method.
 * Bind a bean of this type to a queue with {@code cloudflare.queues.queues.<name>.consumer.handler=<bean name>}, or
 * register it with a {@link QueueListenerConfigurer}.
 */
@FunctionalInterface
public interface QueueMessageHandler {

	/**
	 * Handles one message.
	 * @param message the message
	 * @return completes when handling is done; an error counts as a failure of the handler
	 */
	Mono<Void> handle(ReceivedMessage message);

}
