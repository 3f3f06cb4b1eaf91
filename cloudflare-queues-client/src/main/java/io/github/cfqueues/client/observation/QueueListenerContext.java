package io.github.cfqueues.client.observation;

import java.util.List;
import java.util.Objects;

import io.github.cfqueues.client.ReceivedMessage;
import io.micrometer.observation.Observation;

/**
 * The context of a listener handling one message, or one pulled batch for a batch listener. Trace context cannot
 * travel inside a Cloudflare message over the HTTP API (messages carry no headers), so the observation starts a
 * trace of its own; a producer that wants the two joined puts its trace id in the body.
 */
public class QueueListenerContext extends Observation.Context {

	private final String queueName;

	private final String listenerId;

	private final List<ReceivedMessage> messages;

	/**
	 * Creates the context of a handling.
	 * @param queueName the queue's name in the application
	 * @param listenerId the listener's id
	 * @param messages the message handled, or the batch
	 */
	public QueueListenerContext(String queueName, String listenerId, List<ReceivedMessage> messages) {
		this.queueName = Objects.requireNonNull(queueName, "queueName must not be null");
		this.listenerId = Objects.requireNonNull(listenerId, "listenerId must not be null");
		this.messages = List.copyOf(messages);
	}

	/**
	 * The queue's name in the application, as configured.
	 * @return the name
	 */
	public String getQueueName() {
		return this.queueName;
	}

	/**
	 * The listener's id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * The messages handled: one, or a batch listener's pulled batch.
	 * @return the messages
	 */
	public List<ReceivedMessage> getMessages() {
		return this.messages;
	}

}
