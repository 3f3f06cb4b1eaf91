package io.github.cfqueues.client.internal.publish;

import java.util.List;

import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * One batch request of a batching publisher: first waiting for its rate-limit permit with no messages, then, once
 * the permit came, sealed with the messages gathered by then and sent (in smaller requests if Cloudflare rejects
 * its content).
 */
final class Batch {

	final Disposable.Swap permit = Disposables.swap();

	final Disposable.Swap request = Disposables.swap();

	List<Entry> entries = List.of();

	/**
	 * Why the batch left, once sealed: a reason of {@link io.github.cfqueues.client.metrics.CloudflareQueuesMeters}.
	 */
	String reason = "";

	/**
	 * Whether the batch holds a place in flight: from the moment it is sent until its answer (or its end) arrives.
	 * Changed only under the publisher's lock.
	 */
	boolean inFlight;

	long oldestUnansweredSequence() {
		long oldest = Long.MAX_VALUE;
		for (Entry entry : this.entries) {
			if (entry.state == Entry.State.SEALED) {
				oldest = Math.min(oldest, entry.sequence);
			}
		}
		return oldest;
	}

}
