package io.github.cfqueues.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Enforces a {@link RateLimit} per account with a sliding window and a lockout. Rejected calls do not take a
 * place in the window.
 */
final class AccountRateLimiter {

	private final @Nullable RateLimit limit;

	private final Clock clock;

	private final ConcurrentMap<String, AccountWindow> windows = new ConcurrentHashMap<>();

	private final AtomicLong rejections = new AtomicLong();

	AccountRateLimiter(@Nullable RateLimit limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	/**
	 * Takes a place in the account's window, or fails with the 429 to answer.
	 */
	void acquire(String accountId) {
		RateLimit limit = this.limit;
		if (limit == null) {
			return;
		}
		AccountWindow window = this.windows.computeIfAbsent(accountId, (key) -> new AccountWindow());
		Duration retryAfter = window.tryAcquire(limit, this.clock.instant());
		if (retryAfter != null) {
			this.rejections.incrementAndGet();
			throw ApiErrors.rateLimited(retryAfter);
		}
	}

	long rejections() {
		return this.rejections.get();
	}

	void reset() {
		this.windows.clear();
		this.rejections.set(0);
	}

	private static final class AccountWindow {

		private final Deque<Instant> admitted = new ArrayDeque<>();

		private Instant lockedUntil = Instant.MIN;

		/**
		 * Returns {@code null} when admitted, otherwise how long the caller has to wait.
		 */
		synchronized @Nullable Duration tryAcquire(RateLimit limit, Instant now) {
			if (now.isBefore(this.lockedUntil)) {
				return Duration.between(now, this.lockedUntil);
			}
			Instant windowStart = now.minus(limit.window());
			while (!this.admitted.isEmpty() && !this.admitted.peekFirst().isAfter(windowStart)) {
				this.admitted.removeFirst();
			}
			if (this.admitted.size() < limit.requests()) {
				this.admitted.addLast(now);
				return null;
			}
			if (limit.lockout().isZero()) {
				return Duration.between(now, this.admitted.peekFirst().plus(limit.window()));
			}
			this.lockedUntil = now.plus(limit.lockout());
			return limit.lockout();
		}

	}

}
