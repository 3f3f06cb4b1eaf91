package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * An account API rate limit: at most {@code requests} counted calls in any sliding {@code window}; going over
 * locks the account's counted calls out for {@code lockout}.
 */
record RateLimit(int requests, Duration window, Duration lockout) {

	RateLimit {
		if (requests < 1) {
			throw new IllegalArgumentException("requests must be at least 1");
		}
		Objects.requireNonNull(window, "window must not be null");
		Objects.requireNonNull(lockout, "lockout must not be null");
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
		if (lockout.isNegative()) {
			throw new IllegalArgumentException("lockout must not be negative");
		}
	}

}
