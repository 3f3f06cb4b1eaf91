package io.github.cfqueues.client.listener;

/**
 * Registers listeners in code, besides {@link QueueListener @QueueListener} methods: beans of this type are called
 * once, at startup.
 */
@FunctionalInterface
public interface QueueListenerConfigurer {

	/**
	 * Registers listeners.
	 * @param registrar where to register them
	 */
	void configure(QueueListenerEndpointRegistrar registrar);

}
