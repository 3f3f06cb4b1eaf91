package io.github.cfqueues.emulator;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request the emulator answered (or dropped), in the order the answers were decided.
 */
final class RequestLog {

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	void add(RecordedRequest request) {
		this.requests.add(request);
	}

	List<RecordedRequest> snapshot() {
		return List.copyOf(this.requests);
	}

	void clear() {
		this.requests.clear();
	}

}
