package io.github.cfqueues.emulator;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every queue the emulator knows, by address.
 */
final class QueueRegistry {

	private final ConcurrentMap<QueueAddress, MessageStore> stores = new ConcurrentHashMap<>();

	private final Clock clock;

	QueueRegistry(Clock clock) {
		this.clock = clock;
	}

	MessageStore create(QueueAddress address) {
		return this.stores.computeIfAbsent(address, (key) -> new MessageStore(key, this.clock));
	}

	Optional<MessageStore> find(QueueAddress address) {
		return Optional.ofNullable(this.stores.get(address));
	}

	List<MessageStore> all() {
		return this.stores.values()
			.stream()
			.sorted(Comparator.comparing((MessageStore store) -> store.address().accountId())
				.thenComparing((store) -> store.address().queueId()))
			.toList();
	}

}
