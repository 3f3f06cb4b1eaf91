package io.github.cfqueues.client.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the listeners to run: those of {@link QueueListener @QueueListener} methods and those registered by
 * {@link QueueListenerConfigurer}s.
 */
public final class QueueListenerEndpointRegistrar {

	private final List<QueueListenerEndpoint> endpoints = new ArrayList<>();

	/**
	 * Registers a listener.
	 * @param endpoint the listener
	 */
	public void register(QueueListenerEndpoint endpoint) {
		this.endpoints.add(Objects.requireNonNull(endpoint, "endpoint must not be null"));
	}

	/**
	 * Registers a handler for a queue, with the queue's settings.
	 * @param id the container's id
	 * @param queueName the configured queue's name
	 * @param handler the handler
	 */
	public void register(String id, String queueName, QueueMessageHandler handler) {
		register(QueueListenerEndpoint.of(id, queueName, handler, null));
	}

	/**
	 * The listeners registered so far.
	 * @return the listeners, in registration order
	 */
	public List<QueueListenerEndpoint> endpoints() {
		return List.copyOf(this.endpoints);
	}

}
