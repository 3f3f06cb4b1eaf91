package io.github.cfqueues.client.listener;

/**
 * Runs one listener: pulls its queue's messages as handler capacity frees up, hands them over, and settles them.
 */
public interface QueueListenerContainer {

	/**
	 * The container's id.
	 * @return the id
	 */
	String id();

	/**
	 * The name of the queue it listens to.
	 * @return the queue's name
	 */
	String queueName();

	/**
	 * Starts pulling. Does nothing if running.
	 * @throws IllegalStateException if its first pull fails in a way retrying cannot fix (credentials refused, queue
	 * unknown, HTTP pull not enabled) and its settings say to fail
	 */
	void start();

	/**
	 * Stops pulling, waits for the handlers still running (within the stop timeout), sends the settlements gathered,
	 * and hands back the messages leased but not yet handled. Does nothing if stopped.
	 */
	void stop();

	/**
	 * Whether it is pulling.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	boolean isRunning();

	/**
	 * Whether it starts with the application.
	 * @return {@code true} by default
	 */
	default boolean isAutoStartup() {
		return true;
	}

}
