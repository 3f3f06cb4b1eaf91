package io.github.cfqueues.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a consumer asked to be delivered again, as {@link EmulatedQueue#retried()} lists it.
 *
 * @param message the message as it was when retried: {@code attempts} counts its deliveries so far
 * @param delay the delay applied: the retry's {@code delay_seconds}, or the consumer's retry delay without one
 * @param retriedAt when the retry arrived, by the emulator's clock
 */
public record RetriedMessage(StoredMessage message, Duration delay, Instant retriedAt) {

	/**
	 * Validates the components.
	 * @param message see {@link #message()}
	 * @param delay see {@link #delay()}
	 * @param retriedAt see {@link #retriedAt()}
	 */
	public RetriedMessage {
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(delay, "delay must not be null");
		Objects.requireNonNull(retriedAt, "retriedAt must not be null");
	}

}
