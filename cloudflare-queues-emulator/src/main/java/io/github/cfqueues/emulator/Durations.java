package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Checks of the durations in settings, which Cloudflare takes as whole seconds or whole milliseconds.
 */
final class Durations {

	private Durations() {
	}

	static Duration requireWholeSeconds(Duration value, String name, long min, long max) {
		Objects.requireNonNull(value, name + " must not be null");
		if (value.getNano() != 0 || value.getSeconds() < min || value.getSeconds() > max) {
			throw new IllegalArgumentException(
					name + " must be a whole number of seconds from " + min + " to " + max + ", not " + value);
		}
		return value;
	}

	static Duration requireWholeMillis(Duration value, String name, long max) {
		Objects.requireNonNull(value, name + " must not be null");
		if (value.isNegative() || value.getNano() % 1_000_000 != 0 || value.compareTo(Duration.ofMillis(max)) > 0) {
			throw new IllegalArgumentException(
					name + " must be a whole number of milliseconds from 0 to " + max + ", not " + value);
		}
		return value;
	}

}
