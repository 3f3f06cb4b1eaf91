package io.github.cfqueues.client.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore.Requester;
import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore.Reservation;
import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore.Schedule;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Paces the requests of one account together with every other process of the account: each permit comes from one
 * schedule in a {@link SharedLimitStore}, with the GCRA, burst rule, given-back slots and pauses of the
 * {@link AccountRateLimiter}, so that the whole fleet never puts more than the account's limit (times
 * {@link RateLimitSettings#share()}) in any window, however its load is spread. Account-wide and queue pauses after
 * Cloudflare's 429s are shared through the store as well.
 * <p>
 * When the store fails or takes longer than the timeout to answer, the process paces itself with a local
 * {@link AccountRateLimiter} at the fallback settings (a conservative share of the account), logs one WARN, and asks
 * the store again at most once a second, on the next request. The local schedule starts without a burst, after the
 * last permit the store was known to have given, and no sooner than that schedule's lead at the time, counted from
 * now: until the store stopped answering, the other processes may have taken permits up to that far ahead. Back on
 * the store, the process first adds the permits it gave itself in the last window to the shared schedule. A request
 * waiting for a local permit when the store answers again takes a shared one instead. No request goes unpaced, none
 * waits on a thread, and none fails because the store did.
 * <p>
 * The processes that lost the store do not all find it again at once (Lettuce reconnects on a back-off of up to 30 s),
 * and the store cannot see the permits of those still on their fallback. So the first process back tells the store
 * how many processes it counted before, and until that many have asked the store for a permit again, for at most
 * {@link #REJOIN_LIMIT}, every process of the account paces itself at its fallback share as well as on the shared
 * schedule: together they stay within the sum of the fallback shares.
 */
public final class SharedAccountRateLimiter implements RequestGate {

	private static final Logger logger = LoggerFactory.getLogger(SharedAccountRateLimiter.class);

	/**
	 * How often, at most, a process on its fallback asks the store again.
	 */
	static final Duration RECHECK = Duration.ofSeconds(1);

	/**
	 * The longest the processes of an account keep their fallback pacing after one of them found the store again:
	 * enough for Lettuce's default reconnect back-off (at most 30 s) and the once-a-second {@link #RECHECK}.
	 */
	static final Duration REJOIN_LIMIT = Duration.ofMinutes(1);

	private final String accountId;

	private final RateLimitSettings settings;

	private final RateLimitSettings fallbackSettings;

	private final SharedLimitStore store;

	private final Duration timeout;

	private final Schedule schedule;

	private final LongSupplier nanoClock;

	private final Clock clock;

	private final Scheduler timer;

	private final AccountPause pause;

	private final FallbackUse fallbackUse;

	private final AtomicLong refusals = new AtomicLong();

	private final String processId = UUID.randomUUID().toString();

	private volatile @Nullable AccountRateLimiter fallback;

	private volatile @Nullable AccountRateLimiter rejoinPacing;

	private volatile int processes = 1;

	private int rejoining;

	private boolean probing;

	private long lastProbe;

	private long sharedScheduleEnd;

	private long sharedScheduleLead;

	/**
	 * Creates the limiter of an account.
	 * @param accountId the account
	 * @param settings the account's limit, shared by every process
	 * @param fallbackSettings this process's limit while the store is unreachable
	 * @param store the shared store
	 * @param timeout the longest a request waits for the store's answer
	 */
	public SharedAccountRateLimiter(String accountId, RateLimitSettings settings, RateLimitSettings fallbackSettings,
			SharedLimitStore store, Duration timeout) {
		this(accountId, settings, fallbackSettings, store, timeout, System::nanoTime, Clock.systemUTC(),
				Schedulers.parallel());
	}

	SharedAccountRateLimiter(String accountId, RateLimitSettings settings, RateLimitSettings fallbackSettings,
			SharedLimitStore store, Duration timeout, LongSupplier nanoClock, Clock clock, Scheduler timer) {
		this.accountId = Objects.requireNonNull(accountId, "accountId must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.fallbackSettings = Objects.requireNonNull(fallbackSettings, "fallbackSettings must not be null");
		this.store = Objects.requireNonNull(store, "store must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.schedule = schedule(settings);
		this.nanoClock = nanoClock;
		this.clock = clock;
		this.timer = timer;
		this.pause = new AccountPause(accountId, settings.lockout(), nanoClock, clock);
		this.fallbackUse = new FallbackUse(settings.window().toNanos());
		this.lastProbe = nanoClock.getAsLong();
		this.sharedScheduleEnd = this.lastProbe;
	}

	private static Schedule schedule(RateLimitSettings settings) {
		long interval = (settings.interval().toNanos() + 999) / 1000;
		return new Schedule(interval, (settings.burst() - 1) * interval, settings.maxWait().toNanos() / 1000,
				(settings.window().toNanos() + 999) / 1000, REJOIN_LIMIT.toNanos() / 1000);
	}

	@Override
	public Mono<Void> permit(QueueEndpoint endpoint, String operation) {
		return Mono.defer(() -> {
			long paused = this.pause.remainingNanos();
			if (paused > 0) {
				if (paused > this.settings.maxWait().toNanos()) {
					this.refusals.incrementAndGet();
					return Mono.error(Refusals.paused(this.pause, this.settings.maxWait(), endpoint, operation, paused));
				}
				return Mono.delay(Duration.ofNanos(paused), this.timer).then(permit(endpoint, operation));
			}
			AccountRateLimiter local = this.fallback;
			if (local != null) {
				return localPermit(local, endpoint, operation);
			}
			AccountRateLimiter pacing = this.rejoinPacing;
			return (pacing != null)
					? pacing.permit(endpoint, operation).then(Mono.defer(() -> sharedPermit(endpoint, operation)))
					: sharedPermit(endpoint, operation);
		});
	}

	/**
	 * Asks the store for a permit. A request cancelled while the store decides does not cancel the decision: once
	 * it comes, a granted slot is given back.
	 */
	private Mono<Void> sharedPermit(QueueEndpoint endpoint, String operation) {
		List<Long> charged = this.fallbackUse.take(this.nanoClock.getAsLong());
		int rejoin = takeRejoining();
		CompletableFuture<Optional<Reservation>> decision = this.store
			.reserve(this.accountId, endpoint.queueId(), this.schedule,
					new Requester(this.processId, charged.size(), rejoin))
			.timeout(this.timeout, this.timer)
			.map(Optional::of)
			.onErrorResume((ex) -> {
				this.fallbackUse.restore(charged);
				restoreRejoining(rejoin);
				unreachable(ex);
				return Mono.just(Optional.empty());
			})
			.toFuture();
		AtomicBoolean claimed = new AtomicBoolean();
		return Mono.fromFuture(decision, true).doOnCancel(() -> decision.thenAccept((reservation) -> {
			if (claimed.compareAndSet(false, true)) {
				reservation.filter((granted) -> granted.outcome() == SharedLimitStore.Outcome.GRANTED)
					.ifPresent((granted) -> giveBack(granted.slot()));
			}
		})).flatMap((reservation) -> {
			if (!claimed.compareAndSet(false, true)) {
				return Mono.empty();
			}
			return reservation.isPresent() ? reserved(reservation.get(), endpoint, operation)
					: permit(endpoint, operation);
		});
	}

	private synchronized int takeRejoining() {
		int taken = this.rejoining;
		this.rejoining = 0;
		return taken;
	}

	private synchronized void restoreRejoining(int taken) {
		this.rejoining = Math.max(this.rejoining, taken);
	}

	private Mono<Void> reserved(Reservation reservation, QueueEndpoint endpoint, String operation) {
		long now = this.nanoClock.getAsLong();
		synchronized (this) {
			this.sharedScheduleEnd = Math.max(this.sharedScheduleEnd, now + reservation.nextMicros() * 1000);
			this.sharedScheduleLead = reservation.nextMicros() * 1000;
		}
		if (reservation.rejoining()) {
			startRejoinPacing(now);
		}
		else {
			this.processes = reservation.processes();
			endRejoinPacing();
		}
		long wait = reservation.waitMicros() * 1000;
		Duration maxWait = this.settings.maxWait();
		return switch (reservation.outcome()) {
			case GRANTED -> (wait == 0) ? Mono.empty()
					: Mono.delay(Duration.ofNanos(wait), this.timer)
						.doOnCancel(() -> giveBack(reservation.slot()))
						.then(Mono.defer(() -> afterWait(endpoint, operation)));
			case PACED -> refuse(Refusals.paced(this.accountId, this.settings, endpoint, operation, wait));
			case ACCOUNT_PAUSED -> refuse(Refusals.sharedPause(this.accountId, wait,
					this.clock.instant().plusNanos(wait), reservation.cause(), maxWait, endpoint, operation));
			case QUEUE_PAUSED -> (wait > maxWait.toNanos())
					? refuse(Refusals.queuePaused(reservation.cause(), maxWait, endpoint, operation, wait))
					: Mono.delay(Duration.ofNanos(wait), this.timer).then(permit(endpoint, operation));
		};
	}

	/**
	 * Paces this process at its fallback share too, because the store says that processes of the account are still
	 * coming back to it. A process back from its own fallback already does so, on that fallback's schedule.
	 */
	private void startRejoinPacing(long now) {
		synchronized (this) {
			if (this.rejoinPacing != null || this.fallback != null) {
				return;
			}
			long interval = this.fallbackSettings.interval().toNanos();
			AccountRateLimiter pacing = new AccountRateLimiter(this.accountId, this.fallbackSettings, this.pause,
					now + (this.fallbackSettings.burst() - 1) * interval, this.nanoClock, this.timer);
			pacing.holdForPause();
			this.rejoinPacing = pacing;
		}
		logger.info("Processes of account {} are coming back to its shared rate limiter after it stopped answering: "
				+ "this process also paces itself at {} of the account's limit (rate-limit.redis.fallback-share) until "
				+ "they all are, for at most {}", this.accountId, this.fallbackSettings.share(), REJOIN_LIMIT);
	}

	private void endRejoinPacing() {
		synchronized (this) {
			if (this.rejoinPacing == null) {
				return;
			}
			this.rejoinPacing = null;
		}
		logger.info("Every process of account {} takes its permits from the shared rate limiter again: this process "
				+ "no longer paces itself at its fallback share", this.accountId);
	}

	private Mono<Void> refuse(QueueRateLimitedException refusal) {
		this.refusals.incrementAndGet();
		return Mono.error(refusal);
	}

	/**
	 * After waiting for its slot, a request looks again: a pause that began meanwhile, here or in another process,
	 * holds it back as it would the local limiter's. When the store cannot say, the permit stands.
	 */
	private Mono<Void> afterWait(QueueEndpoint endpoint, String operation) {
		if (this.pause.remainingNanos() > 0) {
			return permit(endpoint, operation);
		}
		return this.store.pauses(this.accountId, endpoint.queueId())
			.timeout(this.timeout, this.timer)
			.map(SharedLimitStore.Pauses::any)
			.onErrorReturn(false)
			.flatMap((paused) -> paused ? permit(endpoint, operation) : Mono.empty());
	}

	private void giveBack(String slot) {
		this.store.giveBack(this.accountId, slot, this.schedule)
			.timeout(this.timeout, this.timer)
			.subscribe((ignored) -> {
			}, (ex) -> logger.debug("Could not give back a rate-limit slot of account {}: {}", this.accountId,
					ex.toString()));
	}

	private Mono<Void> localPermit(AccountRateLimiter local, QueueEndpoint endpoint, String operation) {
		probe();
		return local.permit(endpoint, operation).then(Mono.defer(() -> {
			if (this.fallback != local) {
				return permit(endpoint, operation);
			}
			this.fallbackUse.record(this.nanoClock.getAsLong());
			return Mono.empty();
		}));
	}

	private void unreachable(Throwable ex) {
		long now = this.nanoClock.getAsLong();
		synchronized (this) {
			if (this.fallback != null) {
				return;
			}
			long interval = this.fallbackSettings.interval().toNanos();
			long start = Math.max(now + this.sharedScheduleLead, this.sharedScheduleEnd) + interval;
			AccountRateLimiter local = new AccountRateLimiter(this.accountId, this.fallbackSettings, this.pause,
					start + (this.fallbackSettings.burst() - 1) * interval, this.nanoClock, this.timer);
			local.holdForPause();
			this.fallback = local;
			this.rejoinPacing = null;
			if (this.processes > 1) {
				this.rejoining = Math.max(this.rejoining, this.processes);
			}
			this.lastProbe = now;
		}
		logger.warn("The shared rate limiter of account {} did not answer within {} ({}): this process paces "
				+ "itself at {} of the account's limit (rate-limit.redis.fallback-share) until it answers again",
				this.accountId, this.timeout, describe(ex), this.fallbackSettings.share());
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	private void probe() {
		long now = this.nanoClock.getAsLong();
		synchronized (this) {
			if (this.probing || now - this.lastProbe < RECHECK.toNanos()) {
				return;
			}
			this.probing = true;
			this.lastProbe = now;
		}
		this.store.ping()
			.timeout(this.timeout, this.timer)
			.subscribe((ignored) -> {
			}, (ex) -> probed(false), () -> probed(true));
	}

	private void probed(boolean answered) {
		synchronized (this) {
			this.probing = false;
			AccountRateLimiter local = this.fallback;
			if (!answered || local == null) {
				return;
			}
			this.fallback = null;
			if (this.rejoining > 0) {
				this.rejoinPacing = local;
			}
		}
		logger.info("The shared rate limiter of account {} answers again: this process takes its permits from it",
				this.accountId);
	}

	@Override
	public void onFailure(CloudflareQueuesException failure) {
		if (QueueOverloadGate.pauses(failure)) {
			QueueRateLimitedException limited = (QueueRateLimitedException) failure;
			share(this.store.pauseQueue(this.accountId, limited.getQueueId(), QueueOverloadGate.duration(limited),
					QueueOverloadGate.cause(limited)));
		}
		else if (failure instanceof QueueRateLimitedException limited) {
			Duration paused = this.pause.onFailure(limited);
			if (paused != null) {
				Stream.of(this.fallback, this.rejoinPacing)
					.filter(Objects::nonNull)
					.forEach(AccountRateLimiter::holdForPause);
				share(this.store.pauseAccount(this.accountId, paused, this.pause.cause(), this.schedule));
			}
		}
	}

	private void share(Mono<Void> pause) {
		pause.timeout(this.timeout, this.timer)
			.subscribe((ignored) -> {
			}, (ex) -> logger.debug("Could not share a pause of account {} with the other processes: {}",
					this.accountId, ex.toString()));
	}

	/**
	 * Whether permits come from the shared store now, rather than from this process's fallback.
	 * @return {@code false} while the store is unreachable
	 */
	public boolean isShared() {
		return this.fallback == null;
	}

	@Override
	public @Nullable Instant pausedUntil() {
		return this.pause.pausedUntil();
	}

	/**
	 * How many account-wide 429s this process saw.
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

}
