package io.github.cfqueues.client.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Paces the requests of one Cloudflare account so that no window ever holds more than the account's limit (times
 * this process's share). One instance per account is shared by every publisher of that account.
 * <p>
 * A token bucket in its virtual-scheduling form (GCRA): permits come at a steady {@link RateLimitSettings#interval()
 * interval}, up to {@link RateLimitSettings#burst() burst} of them at once after a quiet spell. A request waits for
 * its permit on a timer, never on a thread; a wait longer than {@link RateLimitSettings#maxWait()} fails at once
 * with a {@link QueueRateLimitedException} and takes no permit. An account-wide 429 from Cloudflare pauses every
 * request of the account until its {@code Retry-After} has passed.
 */
public final class AccountRateLimiter implements RequestGate {

	private static final Logger logger = LoggerFactory.getLogger(AccountRateLimiter.class);

	private static final Duration PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(60);

	private final String accountId;

	private final RateLimitSettings settings;

	private final long intervalNanos;

	private final long toleranceNanos;

	private final LongSupplier nanoClock;

	private final Scheduler timer;

	private final AtomicLong pauses = new AtomicLong();

	private final AtomicLong refusals = new AtomicLong();

	private long theoreticalArrival;

	private long pausedUntil;

	public AccountRateLimiter(String accountId, RateLimitSettings settings) {
		this(accountId, settings, System::nanoTime, Schedulers.parallel());
	}

	AccountRateLimiter(String accountId, RateLimitSettings settings, LongSupplier nanoClock, Scheduler timer) {
		this.accountId = Objects.requireNonNull(accountId, "accountId must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.intervalNanos = settings.interval().toNanos();
		this.toleranceNanos = (settings.burst() - 1) * this.intervalNanos;
		this.nanoClock = nanoClock;
		this.timer = timer;
		long now = nanoClock.getAsLong();
		this.theoreticalArrival = now;
		this.pausedUntil = now;
	}

	@Override
	public Mono<Void> permit(QueueEndpoint endpoint, String operation) {
		return Mono.defer(() -> {
			long waitNanos = reserve();
			if (waitNanos < 0) {
				this.refusals.incrementAndGet();
				Duration wait = Duration.ofNanos(-waitNanos);
				return Mono.error(new QueueRateLimitedException("No permit of the account's rate limiter within "
						+ "rate-limit.max-wait (" + this.settings.maxWait() + "); the next is " + wait + " away",
						new FailureDetails(operation, endpoint.name(), endpoint.queueId(), 0, List.of(),
								null, wait),
						null));
			}
			return (waitNanos == 0) ? Mono.empty() : Mono.delay(Duration.ofNanos(waitNanos), this.timer).then();
		});
	}

	/**
	 * Takes the next permit.
	 * @return the nanoseconds to wait for it, or minus the wait when it is over the maximum (no permit is taken)
	 */
	private synchronized long reserve() {
		long now = this.nanoClock.getAsLong();
		long arrival = Math.max(this.theoreticalArrival, now);
		long wait = Math.max(0, arrival - this.toleranceNanos - now);
		if (wait > this.settings.maxWait().toNanos()) {
			return -wait;
		}
		this.theoreticalArrival = arrival + this.intervalNanos;
		return wait;
	}

	@Override
	public void onFailure(CloudflareQueuesException failure) {
		if (failure instanceof QueueRateLimitedException limited && !limited.isLocal() && limited.isAccountWide()) {
			Duration retryAfter = limited.getRetryAfter();
			pause((retryAfter != null) ? retryAfter : PAUSE_WITHOUT_RETRY_AFTER);
		}
	}

	/**
	 * Holds back every request of the account for a while; the first request after it goes when it ends, the
	 * next ones at the steady interval.
	 * @param duration how long
	 */
	public void pause(Duration duration) {
		synchronized (this) {
			long until = this.nanoClock.getAsLong() + duration.toNanos();
			this.pausedUntil = Math.max(this.pausedUntil, until);
			this.theoreticalArrival = Math.max(this.theoreticalArrival, this.pausedUntil + this.toleranceNanos);
		}
		this.pauses.incrementAndGet();
		logger.warn("Cloudflare rate-limited account {}: every request of the account waits {}", this.accountId,
				duration);
	}

	/**
	 * The permits a request could take right now without waiting.
	 * @return from 0 to the burst
	 */
	public synchronized int availablePermits() {
		long now = this.nanoClock.getAsLong();
		if (this.pausedUntil > now) {
			return 0;
		}
		long backlog = Math.max(0, this.theoreticalArrival - now);
		long used = (backlog + this.intervalNanos - 1) / this.intervalNanos;
		return (int) Math.max(0, this.settings.burst() - used);
	}

	/**
	 * How long a request made now would wait for its permit.
	 * @return the wait, zero when a permit is free
	 */
	public synchronized Duration currentWait() {
		long now = this.nanoClock.getAsLong();
		return Duration.ofNanos(Math.max(0, Math.max(this.theoreticalArrival, now) - this.toleranceNanos - now));
	}

	/**
	 * How many times a 429 from Cloudflare paused the account.
	 * @return the count
	 */
	public long pauseCount() {
		return this.pauses.get();
	}

	/**
	 * How many requests failed because no permit could be had within the maximum wait.
	 * @return the count
	 */
	public long refusalCount() {
		return this.refusals.get();
	}

	/**
	 * The account this limiter paces.
	 * @return the account id
	 */
	public String accountId() {
		return this.accountId;
	}

	/**
	 * The settings this limiter applies.
	 * @return the settings
	 */
	public RateLimitSettings settings() {
		return this.settings;
	}

}
