package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one publisher may hold at once: messages pushed and not yet answered, whether buffered for a batch,
 * waiting for a rate-limit permit, or in flight.
 *
 * @param maxOutstandingMessages the most messages held; at least one full batch
 * @param maxOutstandingBytes the most bytes held, by the size rule; at least one full batch
 * @param limitBehavior what a push does when the publisher is full
 * @param maxWaiting with {@link LimitBehavior#WAIT}, the most pushes that may wait for room at once; one more fails
 * @param maxWait with {@link LimitBehavior#WAIT}, the longest a push waits for room before it fails
 */
public record FlowControlSettings(int maxOutstandingMessages, long maxOutstandingBytes, LimitBehavior limitBehavior,
		int maxWaiting, Duration maxWait) {

	/**
	 * 10,000 messages and 64 MiB, waiting for room: at most 10,000 pushes, for at most 60 seconds.
	 */
	public static final FlowControlSettings DEFAULTS = new FlowControlSettings(10_000, 64L * 1024 * 1024,
			LimitBehavior.WAIT, 10_000, Duration.ofSeconds(60));

	public FlowControlSettings {
		Objects.requireNonNull(limitBehavior, "limitBehavior must not be null");
		Objects.requireNonNull(maxWait, "maxWait must not be null");
		if (maxWaiting < 0) {
			throw new IllegalArgumentException("maxWaiting must not be negative, got " + maxWaiting);
		}
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
		}
		if (maxOutstandingMessages < QueueLimits.MAX_BATCH_MESSAGES) {
			throw new IllegalArgumentException("maxOutstandingMessages must be at least one batch ("
					+ QueueLimits.MAX_BATCH_MESSAGES + " messages), got " + maxOutstandingMessages);
		}
		if (maxOutstandingBytes < QueueLimits.MAX_BATCH_BYTES) {
			throw new IllegalArgumentException("maxOutstandingBytes must be at least one batch ("
					+ QueueLimits.MAX_BATCH_BYTES + " bytes), got " + maxOutstandingBytes);
		}
	}

	/**
	 * What a push does when its publisher already holds as much as flow control allows.
	 */
	public enum LimitBehavior {

		/**
		 * Fail at once with a {@link io.github.cfqueues.client.error.PublisherOverloadedException}.
		 */
		FAIL,

		/**
		 * Wait, without blocking a thread, until earlier messages are answered; waiting pushes are admitted in
		 * the order they came. The wait is bounded: by the number of pushes waiting and by how long each waits.
		 */
		WAIT

	}

}
