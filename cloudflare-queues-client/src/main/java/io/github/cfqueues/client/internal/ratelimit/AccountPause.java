package io.github.cfqueues.client.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an account is paused after Cloudflare answered an account-wide 429, until when, and because of which
 * answer: what a request refused during the pause needs to say. Thread safe.
 */
final class AccountPause {

	private static final Logger logger = LoggerFactory.getLogger(AccountPause.class);

	private final String accountId;

	private final Duration lockout;

	private final LongSupplier nanoClock;

	private final Clock clock;

	private long untilNanos;

	private @Nullable String cause;

	private @Nullable Instant until;

	private long count;

	/**
	 * Creates the state of an account that is not paused.
	 * @param accountId the account
	 * @param lockout how long to pause when the 429 named no wait: Cloudflare's lockout
	 * @param nanoClock the monotonic clock
	 * @param clock the wall clock, for what the errors say
	 */
	AccountPause(String accountId, Duration lockout, LongSupplier nanoClock, Clock clock) {
		this.accountId = accountId;
		this.lockout = lockout;
		this.nanoClock = nanoClock;
		this.clock = clock;
		this.untilNanos = nanoClock.getAsLong();
	}

	/**
	 * Learns from a failure: an account-wide 429 from Cloudflare pauses the account for its {@code Retry-After}, or
	 * for the lockout when it named none.
	 * @param failure the failure
	 * @return the pause's length, or {@code null} when the failure does not pause the account
	 */
	@Nullable Duration onFailure(QueueRateLimitedException failure) {
		if (failure.isLocal() || !failure.isAccountWide()) {
			return null;
		}
		Duration duration = (failure.getRetryAfter() != null) ? failure.getRetryAfter() : this.lockout;
		long now = this.nanoClock.getAsLong();
		Instant wallNow = this.clock.instant();
		synchronized (this) {
			this.count++;
			if (now + duration.toNanos() - this.untilNanos > 0) {
				this.untilNanos = now + duration.toNanos();
				this.until = wallNow.plus(duration);
				this.cause = "Cloudflare answered HTTP " + failure.getHttpStatus()
						+ (failure.getErrors().isEmpty() ? "" : " " + failure.getErrors()) + " to "
						+ failure.getDetails().operation() + " on queue '" + failure.getQueueName() + "' at " + wallNow
						+ ((failure.getCfRay() != null) ? " (cf-ray " + failure.getCfRay() + ")" : "")
						+ ((failure.getRetryAfter() != null) ? " with Retry-After " + failure.getRetryAfter()
								: " without Retry-After, so the account waits out Cloudflare's lockout ("
										+ this.lockout + ", rate-limit.lockout)");
			}
		}
		logger.warn("Cloudflare rate-limited account {}: every request of the account waits {}", this.accountId,
				duration);
		return duration;
	}

	/**
	 * The monotonic time the pause ends.
	 * @return {@link System#nanoTime()}-style nanoseconds, in the past when not paused
	 */
	synchronized long untilNanos() {
		return this.untilNanos;
	}

	/**
	 * How much of the pause is left.
	 * @return the nanoseconds left, {@code 0} or less when not paused
	 */
	long remainingNanos() {
		return untilNanos() - this.nanoClock.getAsLong();
	}

	/**
	 * Says why the account is paused, for a request refused during the pause.
	 * @return for example "account abc is paused for another PT4M50S, until ...: Cloudflare answered ..."
	 */
	synchronized String describe() {
		return describe(this.accountId, remainingNanos(), this.until, this.cause);
	}

	/**
	 * Says why an account is paused.
	 * @param accountId the account
	 * @param remainingNanos how much of the pause is left
	 * @param until when it ends
	 * @param cause the answer that caused it
	 * @return for example "account abc is paused for another PT4M50S, until ...: Cloudflare answered ..."
	 */
	static String describe(String accountId, long remainingNanos, @Nullable Instant until, @Nullable String cause) {
		return "account " + accountId + " is paused for another " + Duration.ofNanos(Math.max(0, remainingNanos))
				+ ", until " + until + ": " + cause;
	}

	/**
	 * The answer that caused the longest pause so far, for other processes sharing the pause.
	 * @return what {@link #describe()} says after the colon, empty before any pause
	 */
	synchronized String cause() {
		return (this.cause != null) ? this.cause : "";
	}

	/**
	 * Until when the account is paused.
	 * @return the end of the pause, or {@code null} when it is not paused
	 */
	synchronized @Nullable Instant pausedUntil() {
		return (remainingNanos() > 0) ? this.until : null;
	}

	/**
	 * How many account-wide 429s paused the account.
	 * @return the count
	 */
	synchronized long count() {
		return this.count;
	}

}
