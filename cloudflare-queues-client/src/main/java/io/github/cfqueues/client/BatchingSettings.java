package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When a gathered batch is sent. A batch leaves as soon as any trigger fires; Cloudflare's caps (100 messages,
 * 256,000 bytes) always split, whatever the triggers say.
 *
 * @param maxMessages send once the batch holds this many messages (1 to 100)
 * @param maxBytes send once the batch holds this many bytes by the size rule (up to 256,000)
 * @param maxWait send once the oldest gathered message has waited this long; zero sends as soon as a place in flight
 * is free
 * @param maxInFlight how many batches may be in flight at once; with 1, messages leave in push order
 */
public record BatchingSettings(int maxMessages, long maxBytes, Duration maxWait, int maxInFlight) {

	/**
	 * Batches of up to 100 messages and 256,000 bytes, one in flight at a time, each sent as soon as the one before
	 * it is answered.
	 */
	public static final BatchingSettings DEFAULTS = new BatchingSettings(QueueLimits.MAX_BATCH_MESSAGES,
			QueueLimits.MAX_BATCH_BYTES, Duration.ZERO, 1);

	public BatchingSettings {
		Objects.requireNonNull(maxWait, "maxWait must not be null");
		if (maxMessages < 1 || maxMessages > QueueLimits.MAX_BATCH_MESSAGES) {
			throw new IllegalArgumentException(
					"maxMessages must be from 1 to " + QueueLimits.MAX_BATCH_MESSAGES + ", got " + maxMessages);
		}
		if (maxBytes < 1 || maxBytes > QueueLimits.MAX_BATCH_BYTES) {
			throw new IllegalArgumentException(
					"maxBytes must be from 1 to " + QueueLimits.MAX_BATCH_BYTES + ", got " + maxBytes);
		}
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
		}
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
		}
	}

}
