package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The account's API limit as this process should pace itself against it.
 *
 * @param requests the requests Cloudflare allows per window, for the whole account
 * @param window the window
 * @param burst how many requests may go at once after a quiet spell; taken out of the steady rate so that no window
 * ever holds more than {@code requests × share}
 * @param share this process's share of the account limit, from 0 (exclusive) to 1, when several replicas use
 * one account
 * @param maxWait the longest a request waits for a permit before it fails
 * @param lockout how long an account-wide 429 that names no wait ({@code Retry-After}) pauses every request of the
 * account: Cloudflare's lockout
 */
public record RateLimitSettings(int requests, Duration window, int burst, double share, Duration maxWait,
		Duration lockout) {

	/**
	 * Cloudflare's lockout after the account limit is exceeded.
	 */
	public static final Duration CLOUDFLARE_LOCKOUT = Duration.ofMinutes(5);

	/**
	 * Cloudflare's limit: 1,200 requests per 5 minutes, with a burst of 10, all of it for this process, waiting up
	 * to 60 seconds for a permit, and pausing for Cloudflare's five-minute lockout after a 429 without
	 * {@code Retry-After}.
	 */
	public static final RateLimitSettings CLOUDFLARE = new RateLimitSettings(1200, Duration.ofMinutes(5), 10, 1.0,
			Duration.ofSeconds(60), CLOUDFLARE_LOCKOUT);

	public RateLimitSettings {
		Objects.requireNonNull(window, "window must not be null");
		Objects.requireNonNull(maxWait, "maxWait must not be null");
		Objects.requireNonNull(lockout, "lockout must not be null");
		if (lockout.isNegative() || lockout.isZero()) {
			throw new IllegalArgumentException("lockout must be positive, got " + lockout);
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive, got " + window);
		}
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
		}
		if (!(share > 0.0 && share <= 1.0)) {
			throw new IllegalArgumentException("share must be above 0 and at most 1, got " + share);
		}
		if (burst < 1) {
			throw new IllegalArgumentException("burst must be at least 1, got " + burst);
		}
		if (burst >= permitsPerWindow(requests, share)) {
			throw new IllegalArgumentException("burst (" + burst + ") must be smaller than this process's requests per "
					+ "window (" + permitsPerWindow(requests, share) + " = requests " + requests + " x share " + share
					+ ")");
		}
	}

	/**
	 * The requests this process may make per window.
	 * @return {@code requests × share}, rounded down
	 */
	public int permitsPerWindow() {
		return permitsPerWindow(this.requests, this.share);
	}

	private static int permitsPerWindow(int requests, double share) {
		return (int) Math.floor(requests * share);
	}

	/**
	 * The steady spacing between permits once the burst is spent: chosen so that the burst plus a window's steady
	 * permits equal {@link #permitsPerWindow()}.
	 * @return the interval
	 */
	public Duration interval() {
		return this.window.dividedBy(permitsPerWindow() - this.burst);
	}

}
