package io.github.cfqueues.client.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An account's gate when client-side pacing is off: requests go at once, except while the account is paused after
 * an account-wide 429, which holds them back as the {@link AccountRateLimiter} would.
 */
public final class AccountPauseGate implements RequestGate {

	private final AccountPause pause;

	private final Duration maxWait;

	private final Scheduler timer;

	/**
	 * Creates the gate of an account.
	 * @param accountId the account
	 * @param maxWait the longest a request waits for the pause to end before it fails
	 * @param lockout how long an account-wide 429 without {@code Retry-After} pauses the account
	 */
	public AccountPauseGate(String accountId, Duration maxWait, Duration lockout) {
		this(accountId, maxWait, lockout, System::nanoTime, Clock.systemUTC(), Schedulers.parallel());
	}

	AccountPauseGate(String accountId, Duration maxWait, Duration lockout, LongSupplier nanoClock, Clock clock,
			Scheduler timer) {
		this.pause = new AccountPause(Objects.requireNonNull(accountId, "accountId must not be null"), lockout,
				nanoClock, clock);
		this.maxWait = maxWait;
		this.timer = timer;
	}

	@Override
	public Mono<Void> permit(QueueEndpoint endpoint, String operation) {
		return Mono.defer(() -> {
			long wait = this.pause.remainingNanos();
			if (wait <= 0) {
				return Mono.empty();
			}
			if (wait > this.maxWait.toNanos()) {
				return Mono.error(Refusals.paused(this.pause, this.maxWait, endpoint, operation, wait));
			}
			return Mono.delay(Duration.ofNanos(wait), this.timer).then(permit(endpoint, operation));
		});
	}

	@Override
	public void onFailure(CloudflareQueuesException failure) {
		if (failure instanceof QueueRateLimitedException limited) {
			this.pause.onFailure(limited);
		}
	}

	@Override
	public @Nullable Instant pausedUntil() {
		return this.pause.pausedUntil();
	}

	/**
	 * How many account-wide 429s paused the account.
	 * @return the count
	 */
	public long pauseCount() {
		return this.pause.count();
	}

}
