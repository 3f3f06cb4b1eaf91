package io.github.cfqueues.client.internal.publish;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;

/**
 * A registry of a fixed set of publishers, keyed by their {@link QueuePublisher#queueName() queue names}.
 */
public final class SimpleQueuePublisherRegistry implements QueuePublisherRegistry {

	private final Map<String, QueuePublisher> publishers = new TreeMap<>();

	public SimpleQueuePublisherRegistry(Collection<? extends QueuePublisher> publishers) {
		for (QueuePublisher publisher : publishers) {
			QueuePublisher previous = this.publishers.putIfAbsent(publisher.queueName(), publisher);
			if (previous != null) {
				throw new IllegalArgumentException("Two publishers for queue '" + publisher.queueName() + "': "
						+ previous + " and " + publisher);
			}
		}
	}

	@Override
	public QueuePublisher get(String queueName) {
		QueuePublisher publisher = this.publishers.get(queueName);
		if (publisher == null) {
			throw new IllegalArgumentException(
					"No Cloudflare queue named '" + queueName + "' is configured; known queues: " + names());
		}
		return publisher;
	}

	@Override
	public Set<String> names() {
		return new TreeSet<>(this.publishers.keySet());
	}

}
