package io.github.cfqueues.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * A message that ran out of retries and moved to the dead-letter queue, as {@link EmulatedQueue#deadLettered()}
 * lists it.
 *
 * @param message the message as it left the queue: {@code attempts} counts its deliveries
 * @param deadLetterQueue the name of the queue it moved to
 * @param movedAt when it moved, by the emulator's clock
 */
public record DeadLetteredMessage(StoredMessage message, String deadLetterQueue, Instant movedAt) {

	/**
	 * Validates the components.
	 * @param message see {@link #message()}
	 * @param deadLetterQueue see {@link #deadLetterQueue()}
	 * @param movedAt see {@link #movedAt()}
	 */
	public DeadLetteredMessage {
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(deadLetterQueue, "deadLetterQueue must not be null");
		Objects.requireNonNull(movedAt, "movedAt must not be null");
	}

}
