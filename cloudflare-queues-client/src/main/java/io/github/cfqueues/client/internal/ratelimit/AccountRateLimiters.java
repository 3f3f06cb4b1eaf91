package io.github.cfqueues.client.internal.ratelimit;

import io.github.cfqueues.client.RateLimitSettings;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.cfqueues.client.QueueEndpoint;

/**
 * One gate per Cloudflare account in this process, shared by every publisher (and any other counted call) of that
 * account: an {@link AccountRateLimiter}; with a shared store, a {@link SharedAccountRateLimiter} that paces the
 * account together with every other process; or, with pacing off, an {@link AccountPauseGate} that still honours
 * Cloudflare's 429s.
 */
public final class AccountRateLimiters {

	private final Duration maxWait;

	private final Function<String, RequestGate> factory;

	private final Map<String, RequestGate> gates = new ConcurrentHashMap<>();

	private AccountRateLimiters(Duration maxWait, Function<String, RequestGate> factory) {
		this.maxWait = maxWait;
		this.factory = factory;
	}

	/**
	 * Limiters applying the given settings to each account.
	 * @param settings the settings
	 * @return the limiters
	 */
	public static AccountRateLimiters of(RateLimitSettings settings) {
		return new AccountRateLimiters(settings.maxWait(), (id) -> new AccountRateLimiter(id, settings));
	}

	/**
	 * Limiters shared with every other process of each account through a store.
	 * @param settings the account's limit, for all processes together
	 * @param fallbackSettings this process's limit while the store is unreachable
	 * @param store the store
	 * @param timeout the longest a request waits for the store's answer before this process paces itself
	 * @return the limiters
	 */
	public static AccountRateLimiters shared(RateLimitSettings settings, RateLimitSettings fallbackSettings,
			SharedLimitStore store, Duration timeout) {
		return new AccountRateLimiters(settings.maxWait(),
				(id) -> new SharedAccountRateLimiter(id, settings, fallbackSettings, store, timeout));
	}

	/**
	 * No client-side pacing: requests go at once, but pauses after Cloudflare's 429s still apply, to the account
	 * and to an overloaded queue.
	 * @param maxWait the longest a request waits for a pause to end before it fails
	 * @param lockout how long an account-wide 429 without {@code Retry-After} pauses the account
	 * @return the gates
	 */
	public static AccountRateLimiters pausesOnly(Duration maxWait, Duration lockout) {
		return new AccountRateLimiters(maxWait, (id) -> new AccountPauseGate(id, maxWait, lockout));
	}

	/**
	 * The gate of one account.
	 * @param accountId the account
	 * @return its limiter, or its pause gate when pacing is off
	 */
	public RequestGate forAccount(String accountId) {
		return this.gates.computeIfAbsent(accountId, this.factory);
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
	 * The local limiters created so far, for metrics.
	 * @return the limiters
	 */
	public Collection<AccountRateLimiter> limiters() {
		return this.gates.values()
			.stream()
			.filter(AccountRateLimiter.class::isInstance)
			.map(AccountRateLimiter.class::cast)
			.toList();
	}

}
