package io.github.cfqueues.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * A message the queue discarded without anyone acknowledging it, as {@link EmulatedQueue#dropped()} lists it.
 *
 * @param message the message as it left the queue
 * @param reason why it was discarded
 * @param droppedAt when, by the emulator's clock
 */
public record DroppedMessage(StoredMessage message, Reason reason, Instant droppedAt) {

	/**
	 * Validates the components.
	 * @param message see {@link #message()}
	 * @param reason see {@link #reason()}
	 * @param droppedAt see {@link #droppedAt()}
	 */
	public DroppedMessage {
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
		Objects.requireNonNull(droppedAt, "droppedAt must not be null");
	}

	/**
	 * Why a message was dropped.
	 */
	public enum Reason {

		/** It ran out of retries and the consumer names no dead-letter queue. */
		RETRIES_EXHAUSTED,

		/** It ran out of retries and the dead-letter queue the consumer names does not exist. */
		DEAD_LETTER_QUEUE_MISSING,

		/** It was older than the queue's message retention period. */
		RETENTION_PERIOD_EXPIRED

	}

}
