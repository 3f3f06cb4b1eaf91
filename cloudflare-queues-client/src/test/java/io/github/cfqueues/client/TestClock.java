package io.github.cfqueues.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, for an emulator whose leases and delays should pass without waiting.
 */
public final class TestClock extends Clock {

	private volatile Instant now = Instant.parse("2026-12-01T12:00:00Z");

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
