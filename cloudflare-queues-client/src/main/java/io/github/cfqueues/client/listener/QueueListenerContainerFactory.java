package io.github.cfqueues.client.listener;

/**
 * Makes the container of a listener.
 */
@FunctionalInterface
public interface QueueListenerContainerFactory {

	/**
	 * Makes a container.
	 * @param endpoint the listener
	 * @return its container, not started
	 * @throws IllegalArgumentException if the listener's queue is not configured; the message names it
	 */
	QueueListenerContainer create(QueueListenerEndpoint endpoint);

}
