package io.github.cfqueues.client.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.RateLimitSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the processes of an account come back to the shared store after it stopped answering, on virtual time against
 * a store whose answers the test sets: the first reservation after the store answers again says how many processes
 * it counted before, and while the store says processes are still coming back, every permit is paced at the fallback
 * share as well as on the shared schedule, since the store cannot see the permits of those still on their fallback.
 */
class SharedRejoinTests {

	private static final RateLimitSettings SHARED = new RateLimitSettings(60, Duration.ofSeconds(10), 1, 1.0,
			Duration.ofSeconds(30), Duration.ofMinutes(5));

	private static final RateLimitSettings FALLBACK = new RateLimitSettings(60, Duration.ofSeconds(10), 1, 0.3,
			Duration.ofSeconds(30), Duration.ofMinutes(5));

	private static final QueueEndpoint ENDPOINT = new QueueEndpoint("orders", "0123456789abcdef0123456789abcdef",
			"fedcba9876543210fedcba9876543210", CloudflareCredentials.apiToken("test-token"));

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final ScriptedStore store = new ScriptedStore();

	private final SharedAccountRateLimiter limiter = new SharedAccountRateLimiter(ENDPOINT.accountId(), SHARED,
			FALLBACK, this.store, Duration.ofMillis(500), () -> this.time.now(TimeUnit.NANOSECONDS),
			Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), this.time);

	@AfterEach
	void disposeTime() {
		this.time.dispose();
	}

	@Test
	void whileTheStoreSaysProcessesAreComingBackPermitsGoNoFasterThanTheFallbackShare() {
		this.store.processes = 3;
		this.store.rejoining = true;
		assertThat(permitsWithin(Duration.ofSeconds(10), 30)).as("0.3 of 60 per 10 s, with the store's own permit")
			.isBetween(18, 19);

		this.store.rejoining = false;
		permitsWithin(FALLBACK.interval(), 1);
		assertThat(permitsWithin(Duration.ofMillis(10), 30)).as("every process is back: the store alone paces")
			.isEqualTo(30);
	}

	@Test
	void theFirstReservationAfterAnOutageSaysHowManyProcessesTheStoreCountedBeforeAndBringsTheFallbackPermits() {
		this.store.processes = 3;
		assertThat(permitsWithin(Duration.ofMillis(10), 2)).isEqualTo(2);
		this.store.down.set(true);
		assertThat(permitsWithin(Duration.ofSeconds(10), 5)).as("on the fallback").isEqualTo(5);
		assertThat(this.limiter.isShared()).isFalse();

		this.store.down.set(false);
		this.store.rejoining = true;
		this.time.advanceTimeBy(SharedAccountRateLimiter.RECHECK);
		permitsWithin(Duration.ofSeconds(10), 4);

		assertThat(this.limiter.isShared()).isTrue();
		List<SharedLimitStore.Requester> back = this.store.requesters.subList(2, this.store.requesters.size());
		assertThat(back).isNotEmpty();
		assertThat(back.get(0).rejoining()).isEqualTo(3);
		assertThat(back.get(0).charge()).as("the fallback permits of the last window").isEqualTo(5);
		assertThat(back.subList(1, back.size())).allSatisfy((requester) -> {
			assertThat(requester.rejoining()).isZero();
			assertThat(requester.charge()).isZero();
		});
		assertThat(this.store.requesters).extracting(SharedLimitStore.Requester::id).containsOnly(back.get(0).id());
	}

	@Test
	void aProcessAloneBeforeTheOutageDoesNotAskTheOthersToWaitForIt() {
		this.store.processes = 1;
		permitsWithin(Duration.ofMillis(10), 1);
		this.store.down.set(true);
		permitsWithin(Duration.ofSeconds(10), 2);
		this.store.down.set(false);
		this.time.advanceTimeBy(SharedAccountRateLimiter.RECHECK);
		permitsWithin(Duration.ofSeconds(10), 2);

		assertThat(this.store.requesters).extracting(SharedLimitStore.Requester::rejoining).containsOnly(0);
	}

	/**
	 * Asks for permits one after another, as a publisher with work waiting does, for a while of virtual time.
	 * @return how many were granted
	 */
	private int permitsWithin(Duration duration, int most) {
		AtomicInteger granted = new AtomicInteger();
		AtomicBoolean busy = new AtomicBoolean();
		long end = this.time.now(TimeUnit.NANOSECONDS) + duration.toNanos();
		while (granted.get() < most && this.time.now(TimeUnit.NANOSECONDS) < end) {
			if (busy.compareAndSet(false, true)) {
				this.limiter.permit(ENDPOINT, "push").subscribe(null, (ex) -> busy.set(false), () -> {
					granted.incrementAndGet();
					busy.set(false);
				});
			}
			if (busy.get()) {
				this.time.advanceTimeBy(Duration.ofMillis(1));
			}
		}
		return granted.get();
	}

	/**
	 * Grants every reservation at once and says what the test sets; fails every call while down.
	 */
	private static final class ScriptedStore implements SharedLimitStore {

		final List<Requester> requesters = new CopyOnWriteArrayList<>();

		final AtomicBoolean down = new AtomicBoolean();

		volatile int processes = 1;

		volatile boolean rejoining;

		@Override
		public Mono<Reservation> reserve(String accountId, String queueId, Schedule schedule, Requester requester) {
			if (this.down.get()) {
				return Mono.error(new IllegalStateException("store down"));
			}
			this.requesters.add(requester);
			return Mono.just(new Reservation(Outcome.GRANTED, 0, "slot", 0, "", this.processes, this.rejoining));
		}

		@Override
		public Mono<Void> giveBack(String accountId, String slot, Schedule schedule) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> pauseAccount(String accountId, Duration duration, String cause, Schedule schedule) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> pauseQueue(String accountId, String queueId, Duration duration, String cause) {
			return Mono.empty();
		}

		@Override
		public Mono<Pauses> pauses(String accountId, String queueId) {
			return this.down.get() ? Mono.error(new IllegalStateException("store down"))
					: Mono.just(new Pauses(0, 0));
		}

		@Override
		public Mono<Void> ping() {
			return this.down.get() ? Mono.error(new IllegalStateException("store down")) : Mono.empty();
		}

	}

}
