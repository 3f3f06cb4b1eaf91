package io.github.cfqueues.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened to the messages of one queue, for test assertions: every message it accepted, and each one
 * acknowledged, retried, dead-lettered or dropped, in order. Kept in memory without bound until cleared.
 */
final class MessageHistory {

	private final List<StoredMessage> received = new ArrayList<>();

	private final List<StoredMessage> acknowledged = new ArrayList<>();

	private final List<RetriedMessage> retried = new ArrayList<>();

	private final List<DeadLetteredMessage> deadLettered = new ArrayList<>();

	private final List<DroppedMessage> dropped = new ArrayList<>();

	synchronized void received(StoredMessage message) {
		this.received.add(message);
	}

	synchronized void acknowledged(StoredMessage message) {
		this.acknowledged.add(message);
	}

	synchronized void retried(RetriedMessage message) {
		this.retried.add(message);
	}

	synchronized void deadLettered(DeadLetteredMessage message) {
		this.deadLettered.add(message);
	}

	synchronized void dropped(DroppedMessage message) {
		this.dropped.add(message);
	}

	synchronized List<StoredMessage> received() {
		return List.copyOf(this.received);
	}

	synchronized List<StoredMessage> acknowledged() {
		return List.copyOf(this.acknowledged);
	}

	synchronized List<RetriedMessage> retried() {
		return List.copyOf(this.retried);
	}

	synchronized List<DeadLetteredMessage> deadLettered() {
		return List.copyOf(this.deadLettered);
	}

	synchronized List<DroppedMessage> dropped() {
		return List.copyOf(this.dropped);
	}

	/**
	 * Returns how many messages the queue received, and how many were acknowledged, retried, dead-lettered and
	 * dropped, all read at one instant.
	 */
	synchronized Counts counts() {
		return new Counts(this.received.size(), this.acknowledged.size(), this.retried.size(),
				this.deadLettered.size(), this.dropped.size());
	}

	synchronized void clear() {
		this.received.clear();
		this.acknowledged.clear();
		this.retried.clear();
		this.deadLettered.clear();
		this.dropped.clear();
	}

	/**
	 * The sizes of the history lists at one instant.
	 */
	record Counts(int received, int acknowledged, int retried, int deadLettered, int dropped) {
	}

}
