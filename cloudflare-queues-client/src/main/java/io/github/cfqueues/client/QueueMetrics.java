package io.github.cfqueues.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A queue's backlog as Cloudflare reported it, best effort. Each figure is {@code null} when the answer did not
 * carry it.
 *
 * @param backlogCount the number of messages waiting in the queue
 * @param backlogBytes the total size of those messages
 * @param oldestMessageTimestamp when the oldest waiting message was written ({@code null} when Cloudflare reports
 * it as unknown)
 */
public record QueueMetrics(@Nullable Long backlogCount, @Nullable Long backlogBytes,
		@Nullable Instant oldestMessageTimestamp) {

	private static final QueueMetrics NONE = new QueueMetrics(null, null, null);

	/**
	 * Metrics with no figures, for answers that carried none.
	 * @return the empty metrics
	 */
	public static QueueMetrics none() {
		return NONE;
	}

	/**
	 * Whether the answer carried at least one figure.
	 * @return {@code true} if any figure is known
	 */
	public boolean isKnown() {
		return this.backlogCount != null || this.backlogBytes != null || this.oldestMessageTimestamp != null;
	}

}
