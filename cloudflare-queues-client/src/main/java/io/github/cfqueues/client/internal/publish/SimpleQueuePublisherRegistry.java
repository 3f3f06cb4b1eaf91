package io.github.cfqueues.client.internal.publish;

import java.util.Collection;
import java.util.Set;

import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;

/**
 * A registry of a fixed set of publishers, keyed by their {@link QueuePublisher#queueName() queue names}.
 */
public final class SimpleQueuePublisherRegistry implements QueuePublisherRegistry {

	private final ByQueueName<QueuePublisher> publishers;

	public SimpleQueuePublisherRegistry(Collection<? extends QueuePublisher> publishers) {
		this.publishers = new ByQueueName<>(publishers, QueuePublisher::queueName, "publisher");
	}

	@Override
	public QueuePublisher get(String queueName) {
		return this.publishers.get(queueName, names());
	}

	@Override
	public Set<String> names() {
		return this.publishers.names();
	}

}
