package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How many times and how patiently a failed request is tried again.
 *
 * @param maxAttempts the most attempts in all, the first included ({@code 1} turns retries off)
 * @param initialBackoff the wait before the first retry when the server names none
 * @param maxBackoff the longest wait between attempts the backoff grows to
 * @param multiplier how much the backoff grows after each retry
 * @param jitter the share of each backoff taken off at random, from 0 to 1, so clients do not retry in step
 * @param maxWait the longest {@code Retry-After} honoured; a longer one fails the call at once
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter, Duration maxWait) {

	/**
	 * The defaults: 3 attempts, backoff from 500 ms doubling to 8 s with up to 25 % jitter, {@code Retry-After}
	 * honoured up to 60 s.
	 */
	public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(8),
			2.0, 0.25, Duration.ofSeconds(60));

	public RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
		}
		requirePositiveOrZero(initialBackoff, "initialBackoff");
		requirePositiveOrZero(maxBackoff, "maxBackoff");
		requirePositiveOrZero(maxWait, "maxWait");
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
		}
		if (jitter < 0.0 || jitter > 1.0) {
			throw new IllegalArgumentException("jitter must be from 0 to 1, got " + jitter);
		}
	}

	private static void requirePositiveOrZero(Duration duration, String name) {
		Objects.requireNonNull(duration, () -> name + " must not be null");
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, got " + duration);
		}
	}

	/**
	 * Settings that never retry.
	 * @return the settings
	 */
	public static RetrySettings none() {
		return new RetrySettings(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0, Duration.ZERO);
	}

}
