package io.github.cfqueues.client.internal.publish;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A fixed set of publishers or consumers by their queue names, for the registries.
 *
 * @param <T> the publisher or consumer type
 */
final class ByQueueName<T> {

	private final Map<String, T> byName = new TreeMap<>();

	private final String kind;

	ByQueueName(Collection<? extends T> items, Function<T, String> name, String kind) {
		this.kind = kind;
		for (T item : items) {
			T previous = this.byName.putIfAbsent(name.apply(item), item);
			if (previous != null) {
				throw new IllegalArgumentException("Two " + kind + "s for queue '" + name.apply(item) + "': " + previous
						+ " and " + item);
			}
		}
	}

	T get(String queueName, Set<String> known) {
		T item = this.byName.get(queueName);
		if (item == null) {
			throw new IllegalArgumentException("No " + this.kind + " for a Cloudflare queue named '" + queueName
					+ "' is configured; known queues: " + known);
		}
		return item;
	}

	Set<String> names() {
		return new TreeSet<>(this.byName.keySet());
	}

}
