package io.github.cfqueues.client.internal.ratelimit;

import io.github.cfqueues.client.RateLimitSettings;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cfqueues.client.QueueEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * One gate per Cloudflare account in this process, shared by every publisher (and any other counted call) of that
 * account: an {@link AccountRateLimiter}, or, with pacing off, an {@link AccountPauseGate} that still honours
 * Cloudflare's 429s.
 */
public final class AccountRateLimiters {

	private final @Nullable RateLimitSettings settings;

	private final Duration maxWait;

	private final Duration lockout;

	private final Map<String, AccountRateLimiter> limiters = new ConcurrentHashMap<>();

	private final Map<String, AccountPauseGate> pauseGates = new ConcurrentHashMap<>();

	private AccountRateLimiters(@Nullable RateLimitSettings settings, Duration maxWait, Duration lockout) {
		this.settings = settings;
		this.maxWait = maxWait;
		this.lockout = lockout;
	}

	/**
	 * Limiters applying the given settings to each account.
	 * @param settings the settings
	 * @return the limiters
	 */
	public static AccountRateLimiters of(RateLimitSettings settings) {
		return new AccountRateLimiters(settings, settings.maxWait(), settings.lockout());
	}

	/**
	 * No client-side pacing: requests go at once, but pauses after Cloudflare's 429s still apply, to the account
	 * and to an overloaded queue.
	 * @param maxWait the longest a request waits for a pause to end before it fails
	 * @param lockout how long an account-wide 429 without {@code Retry-After} pauses the account
	 * @return the gates
	 */
	public static AccountRateLimiters pausesOnly(Duration maxWait, Duration lockout) {
		return new AccountRateLimiters(null, maxWait, lockout);
	}

	/**
	 * The gate of one account.
	 * @param accountId the account
	 * @return its limiter, or its pause gate when pacing is off
	 */
	public RequestGate forAccount(String accountId) {
		if (this.settings == null) {
			return this.pauseGates.computeIfAbsent(accountId,
					(id) -> new AccountPauseGate(id, this.maxWait, this.lockout));
		}
		RateLimitSettings accountSettings = this.settings;
		return this.limiters.computeIfAbsent(accountId, (id) -> new AccountRateLimiter(id, accountSettings));
	}

	/**
	 * The gate of one queue: its own overload pauses, then its account's limiter.
	 * @param endpoint the queue
	 * @return the gate
	 */
	public RequestGate forQueue(QueueEndpoint endpoint) {
		return new QueueOverloadGate(forAccount(endpoint.accountId()), this.maxWait);
	}

	/**
	 * The limiters created so far, for metrics.
	 * @return the limiters
	 */
	public Collection<AccountRateLimiter> limiters() {
		return List.copyOf(this.limiters.values());
	}

}
