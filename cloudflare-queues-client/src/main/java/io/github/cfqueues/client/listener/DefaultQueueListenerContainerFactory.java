package io.github.cfqueues.client.listener;

import java.util.Objects;
import java.util.function.Function;

import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.internal.listener.PollingListenerContainer;

/**
 * Makes containers that pull through each queue's {@link QueueConsumer}, with each queue's {@link ListenerSettings}
 * as the listener adjusts them.
 */
public final class DefaultQueueListenerContainerFactory implements QueueListenerContainerFactory {

	private final Function<String, QueueConsumer> consumers;

	private final Function<String, ListenerSettings> settings;

	/**
	 * Creates the factory.
	 * @param consumers the consumer of a queue by its name; throws {@code IllegalArgumentException} for an unknown
	 * name
	 * @param settings the listener settings of a queue by its name
	 */
	public DefaultQueueListenerContainerFactory(Function<String, QueueConsumer> consumers,
			Function<String, ListenerSettings> settings) {
		this.consumers = Objects.requireNonNull(consumers, "consumers must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
	}

	@Override
	public QueueListenerContainer create(QueueListenerEndpoint endpoint) {
		QueueConsumer consumer = this.consumers.apply(endpoint.queueName());
		return new PollingListenerContainer(endpoint, consumer,
				endpoint.settings(this.settings.apply(endpoint.queueName())));
	}

}
