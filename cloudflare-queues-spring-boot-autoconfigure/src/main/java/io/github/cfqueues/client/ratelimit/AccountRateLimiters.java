package io.github.cfqueues.client.ratelimit;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cfqueues.client.QueueEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * One {@link AccountRateLimiter} per Cloudflare account in this process, shared by every publisher (and any other
 * counted call) of that account.
 */
public final class AccountRateLimiters {

	private final @Nullable RateLimitSettings settings;

	private final Map<String, AccountRateLimiter> limiters = new ConcurrentHashMap<>();

	private AccountRateLimiters(@Nullable RateLimitSettings settings) {
		this.settings = settings;
	}

	/**
	 * Limiters applying the given settings to each account.
	 * @param settings the settings
	 * @return the limiters
	 */
	public static AccountRateLimiters of(RateLimitSettings settings) {
		return new AccountRateLimiters(settings);
	}

	/**
	 * No client-side pacing: every account's gate is open (queue-overload pauses still apply).
	 * @return the disabled limiters
	 */
	public static AccountRateLimiters disabled() {
		return new AccountRateLimiters(null);
	}

	/**
	 * The gate of one account.
	 * @param accountId the account
	 * @return its limiter, or an open gate when rate limiting is off
	 */
	public RequestGate forAccount(String accountId) {
		if (this.settings == null) {
			return RequestGate.OPEN;
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
		Duration maxWait = (this.settings != null) ? this.settings.maxWait() : RateLimitSettings.CLOUDFLARE.maxWait();
		return new QueueOverloadGate(forAccount(endpoint.accountId()), maxWait);
	}

	/**
	 * The limiters created so far, for metrics.
	 * @return the limiters
	 */
	public Collection<AccountRateLimiter> limiters() {
		return List.copyOf(this.limiters.values());
	}

}
