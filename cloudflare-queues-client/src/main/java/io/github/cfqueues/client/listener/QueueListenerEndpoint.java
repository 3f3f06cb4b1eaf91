package io.github.cfqueues.client.listener;

import java.util.List;
import java.util.Objects;

import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.error.MessageConversionException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A listener to run: the queue it listens to, what handles the messages, and what it sets apart from its queue's
 * {@link ListenerSettings}. Made from each {@link QueueListener @QueueListener} method; register your own through a
 * {@link QueueListenerConfigurer}.
 */
public interface QueueListenerEndpoint {

	/**
	 * The id of the listener's container.
	 * @return the id
	 */
	String id();

	/**
	 * The name of the configured queue it listens to.
	 * @return the queue's name
	 */
	String queueName();

	/**
	 * Whether it handles each pulled batch at once rather than message by message.
	 * @return {@code true} for a batch listener
	 */
	default boolean isBatch() {
		return false;
	}

	/**
	 * Its own settings, derived from the queue's.
	 * @param queueSettings the settings of its queue
	 * @return the settings to run it with
	 */
	default ListenerSettings settings(ListenerSettings queueSettings) {
		return queueSettings;
	}

	/**
	 * Handles messages: one at a time, or each pulled batch at once when {@link #isBatch()}.
	 * @param messages the messages: one, unless a batch listener
	 * @return completes when handling is done; an error is a failure of the handler
	 * @throws MessageConversionException if a body could not be read as the handler's payload type: the messages go
	 * straight to a retry
	 */
	Mono<Void> handle(List<ReceivedMessage> messages);

	/**
	 * An endpoint for a {@link QueueMessageHandler}, run with its queue's settings, or other settings.
	 * @param id the container's id
	 * @param queueName the configured queue's name
	 * @param handler the handler
	 * @param acknowledgementMode the acknowledgement mode, or {@code null} for the queue's
	 * @return the endpoint
	 */
	static QueueListenerEndpoint of(String id, String queueName, QueueMessageHandler handler,
			@Nullable AcknowledgementMode acknowledgementMode) {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(queueName, "queueName must not be null");
		Objects.requireNonNull(handler, "handler must not be null");
		return new QueueListenerEndpoint() {

			@Override
			public String id() {
				return id;
			}

			@Override
			public String queueName() {
				return queueName;
			}

			@Override
			public ListenerSettings settings(ListenerSettings queueSettings) {
				return (acknowledgementMode != null)
						? queueSettings.toBuilder().acknowledgementMode(acknowledgementMode).build() : queueSettings;
			}

			@Override
			public Mono<Void> handle(List<ReceivedMessage> messages) {
				Mono<Void> handled = handler.handle(messages.get(0));
				return (handled != null) ? handled : Mono.empty();
			}

			@Override
			public String toString() {
				return "QueueListenerEndpoint[id=" + id + ", queue=" + queueName + ", handler=" + handler + "]";
			}

		};
	}

}
