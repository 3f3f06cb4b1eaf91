package io.github.cfqueues.client.internal.ratelimit;

import io.github.cfqueues.client.RateLimitSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.jspecify.annotations.Nullable;
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
 * with a {@link QueueRateLimitedException} and takes no permit. A request cancelled while it waits gives its permit
 * back: the next request takes that very slot, so the schedule stays one the limit allows. An account-wide 429 from
 * Cloudflare pauses every request of the account until its {@code Retry-After} has passed (or, without one, for
 * {@link RateLimitSettings#lockout() Cloudflare's lockout}); requests already waiting look again before they go.
 */
public final class AccountRateLimiter implements RequestGate {

	private final String accountId;

	private final RateLimitSettings settings;

	private final long intervalNanos;

	private final long toleranceNanos;

	private final LongSupplier nanoClock;

	private final Scheduler timer;

	private final AccountPause pause;

	private final AtomicLong refusals = new AtomicLong();

	private final TreeSet<Long> freedSlots = new TreeSet<>();

	private long theoreticalArrival;

	public AccountRateLimiter(String accountId, RateLimitSettings settings) {
		this(accountId, settings, System::nanoTime, Clock.systemUTC(), Schedulers.parallel());
	}

	AccountRateLimiter(String accountId, RateLimitSettings settings, LongSupplier nanoClock, Clock clock,
			Scheduler timer) {
		this(accountId, settings, new AccountPause(accountId, settings.lockout(), nanoClock, clock),
				nanoClock.getAsLong(), nanoClock, timer);
	}

	/**
	 * Creates a limiter whose pauses are another's, with its schedule starting at the given theoretical arrival: the
	 * fallback of a {@link SharedAccountRateLimiter}. A permit goes up to {@code (burst - 1)} intervals ahead of its
	 * arrival, so an arrival of now allows a full burst at once.
	 * @param accountId the account
	 * @param settings the settings
	 * @param pause the account's pause, which the caller teaches
	 * @param theoreticalArrival the monotonic theoretical arrival time of the first permit
	 * @param nanoClock the monotonic clock
	 * @param timer the timer waits run on
	 */
	AccountRateLimiter(String accountId, RateLimitSettings settings, AccountPause pause, long theoreticalArrival,
			LongSupplier nanoClock, Scheduler timer) {
		this.accountId = Objects.requireNonNull(accountId, "accountId must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.intervalNanos = settings.interval().toNanos();
		this.toleranceNanos = (settings.burst() - 1) * this.intervalNanos;
		this.nanoClock = nanoClock;
		this.timer = timer;
		this.pause = pause;
		this.theoreticalArrival = theoreticalArrival;
	}

	@Override
	public Mono<Void> permit(QueueEndpoint endpoint, String operation) {
		return Mono.defer(() -> {
			long now = this.nanoClock.getAsLong();
			long slot = reserve(now);
			if (slot == Long.MIN_VALUE) {
				this.refusals.incrementAndGet();
				long paused = this.pause.remainingNanos();
				return Mono.error((paused > this.settings.maxWait().toNanos())
						? Refusals.paused(this.pause, this.settings.maxWait(), endpoint, operation, paused)
						: Refusals.paced(this.accountId, this.settings, endpoint, operation, currentWait().toNanos()));
			}
			long wait = waitFor(slot, now);
			if (wait == 0) {
				return Mono.empty();
			}
			return Mono.delay(Duration.ofNanos(wait), this.timer)
				.doOnCancel(() -> giveBack(slot))
				.then(Mono.defer(() -> (this.pause.remainingNanos() > 0) ? permit(endpoint, operation)
						: Mono.empty()));
		});
	}

	private long waitFor(long slot, long now) {
		return Math.max(0, slot - this.toleranceNanos - now);
	}

	/**
	 * Takes the next permit: a slot given back by a cancelled request if one is still ahead, else the next slot of
	 * the schedule.
	 * @param now the time
	 * @return the slot's theoretical arrival time, or {@link Long#MIN_VALUE} when its wait would pass the maximum
	 * (no permit is taken)
	 */
	private synchronized long reserve(long now) {
		long earliest = Math.max(now + this.toleranceNanos, this.pause.untilNanos() + this.toleranceNanos);
		while (!this.freedSlots.isEmpty() && this.freedSlots.first() < earliest) {
			this.freedSlots.pollFirst();
		}
		if (!this.freedSlots.isEmpty()) {
			long slot = this.freedSlots.first();
			if (waitFor(slot, now) > this.settings.maxWait().toNanos()) {
				return Long.MIN_VALUE;
			}
			return this.freedSlots.pollFirst();
		}
		long arrival = Math.max(this.theoreticalArrival, now);
		if (waitFor(arrival, now) > this.settings.maxWait().toNanos()) {
			return Long.MIN_VALUE;
		}
		this.theoreticalArrival = arrival + this.intervalNanos;
		return arrival;
	}

	/**
	 * Gives back the slot of a request cancelled before its permit came, while that slot is still ahead.
	 */
	private synchronized void giveBack(long slot) {
		if (slot - this.toleranceNanos > this.nanoClock.getAsLong()) {
			this.freedSlots.add(slot);
		}
	}

	@Override
	public void onFailure(CloudflareQueuesException failure) {
		if (failure instanceof QueueRateLimitedException limited) {
			Duration paused = this.pause.onFailure(limited);
			if (paused != null) {
				holdForPause();
			}
		}
	}

	/**
	 * Lets no permit go before the account's pause has ended.
	 */
	synchronized void holdForPause() {
		this.theoreticalArrival = Math.max(this.theoreticalArrival, this.pause.untilNanos() + this.toleranceNanos);
	}

	/**
	 * The permits a request could take right now without waiting.
	 * @return from 0 to the burst
	 */
	public synchronized int availablePermits() {
		long now = this.nanoClock.getAsLong();
		if (this.pause.remainingNanos() > 0) {
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
		return Duration.ofNanos(waitFor(Math.max(Math.max(this.theoreticalArrival, now),
				this.pause.untilNanos() + this.toleranceNanos), now));
	}

	@Override
	public @Nullable Instant pausedUntil() {
		return this.pause.pausedUntil();
	}

	/**
	 * How many times a 429 from Cloudflare paused the account.
	 * @return the count
	 */
	public long pauseCount() {
		return this.pause.count();
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
