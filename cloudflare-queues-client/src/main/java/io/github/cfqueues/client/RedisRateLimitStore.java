package io.github.cfqueues.client;

import java.time.Duration;
import java.util.Objects;

import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiters;
import io.github.cfqueues.client.internal.ratelimit.redis.RedisLimitStore;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Keeps each account's rate limiter in Redis, so that every process of the account (every replica of a service,
 * every service on the account) takes its permits from one schedule: together they never go over the account's
 * limit, and a busy process can use what idle ones leave. Pauses after Cloudflare's 429s are shared too. Needs
 * Spring Data Redis (reactive, with Lettuce) and Redis 5 or newer; give it to
 * {@link CloudflareQueuesClient.Builder#rateLimitStore(RedisRateLimitStore)}.
 * <pre>{@code
 * CloudflareQueuesClient client = CloudflareQueuesClient.builder()
 *     .accountId(accountId)
 *     .credentials(credentials)
 *     .rateLimitStore(RedisRateLimitStore.builder(lettuceConnectionFactory).fallbackShare(0.25).build())
 *     .build();
 * }</pre>
 * When Redis fails or is slower than the {@link Builder#timeout(Duration) timeout}, each process paces itself at its
 * {@link Builder#fallbackShare(double) fallback share} of the account, logs one WARN, and goes back to Redis when it
 * answers again. Redis keys start with the {@link Builder#keyPrefix(String) prefix} and hold the account id, never a
 * credential.
 */
public final class RedisRateLimitStore {

	/**
	 * What every key starts with by default.
	 */
	public static final String DEFAULT_KEY_PREFIX = "cloudflare-queues:rate-limit:";

	/**
	 * How long a request waits for Redis by default.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

	/**
	 * This process's share of the account while Redis is unreachable, by default: right for up to ten processes.
	 */
	public static final double DEFAULT_FALLBACK_SHARE = 0.1;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final Duration timeout;

	private final double fallbackShare;

	private final String keyPrefix;

	private RedisRateLimitStore(Builder builder) {
		this.connectionFactory = builder.connectionFactory;
		this.timeout = builder.timeout;
		this.fallbackShare = builder.fallbackShare;
		this.keyPrefix = builder.keyPrefix;
	}

	/**
	 * Starts configuring a store on the given connections, typically Spring Boot's
	 * {@code ReactiveRedisConnectionFactory} (Lettuce).
	 * @param connectionFactory the connections to Redis
	 * @return a new builder
	 */
	public static Builder builder(ReactiveRedisConnectionFactory connectionFactory) {
		return new Builder(connectionFactory);
	}

	/**
	 * The longest a request waits for Redis before this process paces itself.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * This process's share of the account's limit while Redis is unreachable.
	 * @return above 0, at most 1
	 */
	public double fallbackShare() {
		return this.fallbackShare;
	}

	/**
	 * What every key starts with.
	 * @return the prefix
	 */
	public String keyPrefix() {
		return this.keyPrefix;
	}

	/**
	 * The limiters of a client pacing every account with these settings through this store.
	 * @param settings the account's limit, for all processes together
	 * @return the limiters
	 * @throws IllegalArgumentException if the fallback share leaves no room beyond the burst
	 */
	AccountRateLimiters limiters(RateLimitSettings settings) {
		return AccountRateLimiters.shared(settings, fallbackSettings(settings),
				new RedisLimitStore(this.connectionFactory, this.keyPrefix), this.timeout);
	}

	/**
	 * The settings this process paces itself with while Redis is unreachable.
	 * @param settings the account's limit
	 * @return the same limit at the fallback share
	 * @throws IllegalArgumentException if the fallback share leaves no room beyond the burst
	 */
	RateLimitSettings fallbackSettings(RateLimitSettings settings) {
		try {
			return new RateLimitSettings(settings.requests(), settings.window(), settings.burst(), this.fallbackShare,
					settings.maxWait(), settings.lockout());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The Redis rate-limit store's fallback share: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "RedisRateLimitStore[timeout=" + this.timeout + ", fallbackShare=" + this.fallbackShare
				+ ", keyPrefix=" + this.keyPrefix + "]";
	}

	/**
	 * Builds a {@link RedisRateLimitStore}.
	 */
	public static final class Builder {

		private final ReactiveRedisConnectionFactory connectionFactory;

		private Duration timeout = DEFAULT_TIMEOUT;

		private double fallbackShare = DEFAULT_FALLBACK_SHARE;

		private String keyPrefix = DEFAULT_KEY_PREFIX;

		private Builder(ReactiveRedisConnectionFactory connectionFactory) {
			this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		}

		/**
		 * The longest a request waits for Redis's answer before this process paces itself (500 ms by default).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Objects.requireNonNull(timeout, "timeout must not be null");
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("timeout must be positive, got " + timeout);
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * This process's share of the account's limit while Redis is unreachable (0.1 by default). Every process
		 * falls back at once when Redis goes, so keep the shares' sum at most 1: 1/N for N processes.
		 * @param fallbackShare above 0, at most 1
		 * @return this builder
		 */
		public Builder fallbackShare(double fallbackShare) {
			if (!(fallbackShare > 0.0 && fallbackShare <= 1.0)) {
				throw new IllegalArgumentException("fallbackShare must be above 0 and at most 1, got " + fallbackShare);
			}
			this.fallbackShare = fallbackShare;
			return this;
		}

		/**
		 * What every key starts with ({@value RedisRateLimitStore#DEFAULT_KEY_PREFIX} by default). Processes
		 * sharing an account's limit must use the same prefix.
		 * @param keyPrefix the prefix
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
			return this;
		}

		/**
		 * Builds the store.
		 * @return the store
		 */
		public RedisRateLimitStore build() {
			return new RedisRateLimitStore(this);
		}

	}

}
