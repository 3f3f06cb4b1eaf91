package io.github.cfqueues.client.internal.publish;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueueRegistry;

/**
 * A registry of a fixed set of publishers and consumers, keyed by their queue names.
 */
public final class SimpleQueueRegistry implements QueueRegistry {

	private final ByQueueName<QueuePublisher> publishers;

	private final ByQueueName<QueueConsumer> consumers;

	public SimpleQueueRegistry(Collection<? extends QueuePublisher> publishers,
			Collection<? extends QueueConsumer> consumers) {
		this.publishers = new ByQueueName<>(publishers, QueuePublisher::queueName, "publisher");
		this.consumers = new ByQueueName<>(consumers, QueueConsumer::queueName, "consumer");
	}

	@Override
	public QueuePublisher publisher(String queueName) {
		return this.publishers.get(queueName, names());
	}

	@Override
	public QueueConsumer consumer(String queueName) {
		return this.consumers.get(queueName, names());
	}

	@Override
	public Set<String> names() {
		Set<String> names = new TreeSet<>(this.publishers.names());
		names.addAll(this.consumers.names());
		return names;
	}

}
