package io.github.cfqueues.client.internal.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads how long a server asked the client to wait: {@code retry-after-ms} (milliseconds, may be fractional) first,
 * then {@code Retry-After} as seconds or as an HTTP date. A date in the past reads as no wait.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static @Nullable Duration parse(@Nullable String retryAfterMs, @Nullable String retryAfter, Clock clock) {
		Duration millis = parseMillis(retryAfterMs);
		return (millis != null) ? millis : parseRetryAfter(retryAfter, clock);
	}

	private static @Nullable Duration parseMillis(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double millis = Double.parseDouble(value.trim());
			return (millis >= 0 && Double.isFinite(millis)) ? Duration.ofNanos((long) (millis * 1_000_000)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Duration parseRetryAfter(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			double seconds = Double.parseDouble(trimmed);
			return (seconds >= 0 && Double.isFinite(seconds)) ? Duration.ofMillis((long) Math.ceil(seconds * 1000))
					: null;
		}
		catch (NumberFormatException ex) {
			return parseHttpDate(trimmed, clock);
		}
	}

	private static @Nullable Duration parseHttpDate(String value, Clock clock) {
		try {
			Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(clock.instant(), until);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
