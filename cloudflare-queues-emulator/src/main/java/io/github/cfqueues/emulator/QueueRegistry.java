package io.github.cfqueues.emulator;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every queue the emulator knows, by address and by name within its account. Names are unique within an
 * account; creating, renaming and deleting are atomic.
 */
final class QueueRegistry {

	private final ConcurrentMap<QueueAddress, ManagedQueue> byAddress = new ConcurrentHashMap<>();

	private final ConcurrentMap<QueueNameKey, ManagedQueue> byName = new ConcurrentHashMap<>();

	private final Clock clock;

	private long sequence;

	QueueRegistry(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Returns the queue at an address, creating it with the given name and a default HTTP pull consumer if it
	 * does not exist.
	 * @throws IllegalArgumentException if the queue exists with another name, or another queue has the name
	 */
	synchronized ManagedQueue createOrGet(QueueAddress address, String name) {
		ManagedQueue existing = this.byAddress.get(address);
		if (existing != null) {
			if (!existing.name().equals(name)) {
				throw new IllegalArgumentException("queue " + address.queueId() + " of account "
						+ address.accountId() + " exists already, named '" + existing.name() + "', not '" + name + "'");
			}
			return existing;
		}
		if (this.byName.containsKey(new QueueNameKey(address.accountId(), name))) {
			throw new IllegalArgumentException("account " + address.accountId() + " has a queue named '" + name
					+ "' already; give queue " + address.queueId() + " another name");
		}
		return add(address, name, true);
	}

	/**
	 * Returns the queue at an address, creating it with a default HTTP pull consumer if it does not exist. A new
	 * queue is named after its id, or, if another queue has that name, after its id and the first free
	 * {@code -2}, {@code -3}, ... suffix.
	 */
	synchronized ManagedQueue createOrGet(QueueAddress address) {
		ManagedQueue existing = this.byAddress.get(address);
		if (existing != null) {
			return existing;
		}
		String name = address.queueId();
		for (int suffix = 2; this.byName.containsKey(new QueueNameKey(address.accountId(), name)); suffix++) {
			name = address.queueId() + "-" + suffix;
		}
		return add(address, name, true);
	}

	/**
	 * Creates a queue with a new random id and no consumer, as {@code POST /queues} does.
	 * @throws ApiException if the account has a queue of that name
	 */
	synchronized ManagedQueue createNamed(String accountId, String name) {
		requireNameFree(accountId, name);
		QueueAddress address;
		do {
			address = new QueueAddress(accountId, RandomIds.resourceId());
		}
		while (this.byAddress.containsKey(address));
		return add(address, name, false);
	}

	/**
	 * Renames a queue.
	 * @throws ApiException if the account has another queue of that name
	 */
	synchronized void rename(ManagedQueue queue, String newName) {
		if (queue.name().equals(newName)) {
			return;
		}
		requireNameFree(queue.address().accountId(), newName);
		this.byName.remove(new QueueNameKey(queue.address().accountId(), queue.name()));
		queue.rename(newName);
		this.byName.put(new QueueNameKey(queue.address().accountId(), newName), queue);
	}

	synchronized void delete(ManagedQueue queue) {
		this.byAddress.remove(queue.address(), queue);
		this.byName.remove(new QueueNameKey(queue.address().accountId(), queue.name()), queue);
	}

	Optional<ManagedQueue> find(QueueAddress address) {
		return Optional.ofNullable(this.byAddress.get(address));
	}

	Optional<ManagedQueue> findByName(String accountId, String name) {
		return Optional.ofNullable(this.byName.get(new QueueNameKey(accountId, name)));
	}

	/**
	 * Returns every queue, by account id then queue id.
	 */
	List<ManagedQueue> all() {
		return this.byAddress.values()
			.stream()
			.sorted(Comparator.comparing((ManagedQueue queue) -> queue.address().accountId())
				.thenComparing((queue) -> queue.address().queueId()))
			.toList();
	}

	/**
	 * Returns the queues of an account in the order they were created.
	 */
	List<ManagedQueue> inAccount(String accountId) {
		return this.byAddress.values()
			.stream()
			.filter((queue) -> queue.address().accountId().equals(accountId))
			.sorted(Comparator.comparingLong(ManagedQueue::sequence))
			.toList();
	}

	private void requireNameFree(String accountId, String name) {
		if (this.byName.containsKey(new QueueNameKey(accountId, name))) {
			throw ApiErrors.queueNameTaken(accountId, name);
		}
	}

	private ManagedQueue add(QueueAddress address, String name, boolean httpPull) {
		ManagedQueue queue = new ManagedQueue(address, name, ++this.sequence, this.clock);
		if (httpPull) {
			queue.configureConsumer(ConsumerSettings.defaults());
		}
		this.byAddress.put(address, queue);
		this.byName.put(new QueueNameKey(address.accountId(), name), queue);
		return queue;
	}

	private record QueueNameKey(String accountId, String name) {
	}

}
