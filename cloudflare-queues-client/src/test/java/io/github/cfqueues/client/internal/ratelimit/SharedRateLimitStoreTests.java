package io.github.cfqueues.client.internal.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.TestRedisServer;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore.Outcome;
import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore.Requester;
import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore.Reservation;
import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore.Schedule;
import io.github.cfqueues.client.internal.ratelimit.redis.RedisLimitStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared limiter's decisions in a real Redis: the same GCRA, burst rule, refusals and given-back slots as the
 * local limiter, atomic across processes and threads.
 */
class SharedRateLimitStoreTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private static final QueueEndpoint QUEUE = new QueueEndpoint("orders", ACCOUNT, "q1",
			CloudflareCredentials.apiToken("test-token-do-not-leak-4711"));

	private static final long HOUR = Duration.ofHours(1).toNanos() / 1000;

	private static final long REJOIN = Duration.ofMinutes(1).toNanos() / 1000;

	private static TestRedisServer redis;

	@RegisterExtension
	final RedisConnections connections = new RedisConnections();

	@BeforeAll
	static void startRedis() {
		redis = TestRedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void emptyRedis() {
		redis.command("FLUSHALL");
	}

	private String stateKey() {
		return RedisConnections.PREFIX + "{" + ACCOUNT + "}";
	}

	@Test
	void aBurstGoesAtOnceThenOnePermitPerIntervalAndAWaitPastTheMaximumTakesNoPermit() {
		RedisLimitStore store = this.connections.store(redis);
		Schedule schedule = new Schedule(HOUR, HOUR, HOUR + HOUR / 2, 24 * HOUR, REJOIN);

		List<Reservation> reservations = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			reservations.add(store.reserve(ACCOUNT, "q1", schedule, process(0)).block(Duration.ofSeconds(5)));
		}

		assertThat(reservations).extracting(Reservation::outcome)
			.containsExactly(Outcome.GRANTED, Outcome.GRANTED, Outcome.GRANTED, Outcome.PACED, Outcome.PACED);
		assertThat(reservations.get(0).waitMicros()).isZero();
		assertThat(reservations.get(1).waitMicros()).isZero();
		assertThat(reservations.get(2).waitMicros()).isBetween(HOUR - 5_000_000, HOUR);
		assertThat(reservations.get(3).waitMicros()).isBetween(2 * HOUR - 5_000_000, 2 * HOUR);
		assertThat(reservations.get(4).waitMicros()).isBetween(2 * HOUR - 5_000_000, 2 * HOUR);
		assertThat(Long.parseLong(reservations.get(1).slot()) - Long.parseLong(reservations.get(0).slot()))
			.isEqualTo(HOUR);
		assertThat(Long.parseLong(reservations.get(2).slot()) - Long.parseLong(reservations.get(1).slot()))
			.isEqualTo(HOUR);
	}

	@Test
	void chargedFallbackPermitsPushTheScheduleBackByOneIntervalEach() {
		RedisLimitStore store = this.connections.store(redis);
		Schedule schedule = new Schedule(HOUR, 0, 10 * HOUR, 24 * HOUR, REJOIN);

		Reservation charged = store.reserve(ACCOUNT, "q1", schedule, process(3)).block(Duration.ofSeconds(5));

		assertThat(charged.outcome()).isEqualTo(Outcome.GRANTED);
		assertThat(charged.waitMicros()).isBetween(3 * HOUR - 5_000_000, 3 * HOUR);
	}

	@Test
	void anAccountPauseHoldsBackEveryPermitUntilItEndsAndSaysWhyWhenLonger() {
		RedisLimitStore store = this.connections.store(redis);
		Schedule schedule = new Schedule(1000, 1000, 10_000_000, 60_000_000, REJOIN);

		store.pauseAccount(ACCOUNT, Duration.ofSeconds(5), "Cloudflare answered HTTP 429", schedule)
			.block(Duration.ofSeconds(5));
		store.pauseAccount(ACCOUNT, Duration.ofSeconds(1), "a shorter pause", schedule).block(Duration.ofSeconds(5));
		Reservation withinMaxWait = store.reserve(ACCOUNT, "q1", schedule, process(0)).block(Duration.ofSeconds(5));
		Reservation beyondMaxWait = store
			.reserve(ACCOUNT, "q1", new Schedule(1000, 1000, 1_000_000, 60_000_000, REJOIN), process(0))
			.block(Duration.ofSeconds(5));

		assertThat(withinMaxWait.outcome()).isEqualTo(Outcome.GRANTED);
		assertThat(withinMaxWait.waitMicros()).isBetween(4_500_000L, 5_000_000L);
		assertThat(beyondMaxWait.outcome()).isEqualTo(Outcome.ACCOUNT_PAUSED);
		assertThat(beyondMaxWait.waitMicros()).isBetween(4_500_000L, 5_000_000L);
		assertThat(beyondMaxWait.cause()).isEqualTo("Cloudflare answered HTTP 429");
	}

	@Test
	void aQueuePauseHoldsBackThatQueueOnly() {
		RedisLimitStore store = this.connections.store(redis);
		Schedule schedule = new Schedule(1000, 9000, 10_000_000, 60_000_000, REJOIN);

		store.pauseQueue(ACCOUNT, "q1", Duration.ofSeconds(3), "overloaded").block(Duration.ofSeconds(5));

		Reservation paused = store.reserve(ACCOUNT, "q1", schedule, process(0)).block(Duration.ofSeconds(5));
		Reservation other = store.reserve(ACCOUNT, "q2", schedule, process(0)).block(Duration.ofSeconds(5));
		assertThat(paused.outcome()).isEqualTo(Outcome.QUEUE_PAUSED);
		assertThat(paused.waitMicros()).isBetween(2_500_000L, 3_000_000L);
		assertThat(paused.cause()).isEqualTo("overloaded");
		assertThat(other.outcome()).isEqualTo(Outcome.GRANTED);
		assertThat(other.waitMicros()).isZero();
		assertThat(store.pauses(ACCOUNT, "q1").block(Duration.ofSeconds(5)).queueMicros()).isPositive();
		assertThat(store.pauses(ACCOUNT, "q2").block(Duration.ofSeconds(5)).any()).isFalse();
	}

	/**
	 * Three processes, each with its own connection and limiter, race 6,000 requests over 48 threads' worth of
	 * concurrency for a burst of 5,000 with no wait allowed: exactly 5,000 go and 1,000 are refused, whatever the
	 * interleaving, and no process falls back.
	 */
	@Test
	void everyPermitOfTheSharedBurstIsGrantedExactlyOnceAcrossProcessesAndThreads() {
		RateLimitSettings settings = new RateLimitSettings(5001, Duration.ofDays(3650), 5000, 1.0, Duration.ZERO,
				RateLimitSettings.CLOUDFLARE_LOCKOUT);
		List<SharedAccountRateLimiter> processes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			processes.add(new SharedAccountRateLimiter(ACCOUNT, settings, fallback(settings),
					this.connections.store(redis), Duration.ofSeconds(30)));
		}
		AtomicInteger granted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();

		Flux.range(0, 6000)
			.parallel(48)
			.runOn(Schedulers.parallel())
			.flatMap((i) -> processes.get(i % 3)
				.permit(QUEUE, "push")
				.doOnSuccess((ignored) -> granted.incrementAndGet())
				.onErrorResume((ex) -> {
					if (ex instanceof QueueRateLimitedException limited && limited.isLocal()) {
						refused.incrementAndGet();
					}
					else {
						other.incrementAndGet();
					}
					return Mono.empty();
				}))
			.sequential()
			.blockLast(Duration.ofMinutes(2));

		assertThat(granted).hasValue(5000);
		assertThat(refused).hasValue(1000);
		assertThat(other).hasValue(0);
		assertThat(processes).allSatisfy((process) -> assertThat(process.isShared()).isTrue());
		assertThat(processes.stream().mapToLong(SharedAccountRateLimiter::refusalCount).sum()).isEqualTo(1000);
	}

	/**
	 * 2,000 requests wait for their slots and are cancelled: every slot comes back, and 2,000 requests of three
	 * other processes take exactly those slots, not one more of the schedule.
	 */
	@Test
	void everyCancelledWaitGivesItsSlotBackAndOtherProcessesTakeExactlyThoseSlots() {
		RateLimitSettings settings = new RateLimitSettings(3001, Duration.ofHours(3000), 1, 1.0,
				Duration.ofHours(3000), RateLimitSettings.CLOUDFLARE_LOCKOUT);
		SharedAccountRateLimiter waiting = new SharedAccountRateLimiter(ACCOUNT, settings, fallback(settings),
				this.connections.store(redis), Duration.ofSeconds(30));
		waiting.permit(QUEUE, "push").block(Duration.ofSeconds(5));
		long firstTat = Long.parseLong(hashField("tat"));
		List<Disposable> waits = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			waits.add(waiting.permit(QUEUE, "push").subscribe());
		}
		String freedKey = stateKey() + ":freed";
		await().atMost(Duration.ofSeconds(60)).until(() -> hashField("tat") != null
				&& (Long.parseLong(hashField("tat")) - firstTat) / intervalMicros(settings) == 2000);
		String tatBefore = hashField("tat");

		Flux.fromIterable(waits).parallel(8).runOn(Schedulers.parallel()).subscribe(Disposable::dispose);
		await().atMost(Duration.ofSeconds(60)).until(() -> (Long) redis.command("ZCARD", freedKey) == 2000);
		@SuppressWarnings("unchecked")
		Set<String> freed = new HashSet<>((List<String>) redis.command("ZRANGE", freedKey, "0", "-1"));
		List<RedisLimitStore> others = List.of(this.connections.store(redis), this.connections.store(redis),
				this.connections.store(redis));
		Schedule schedule = new Schedule(intervalMicros(settings), 0, settings.maxWait().toNanos() / 1000,
				settings.window().toNanos() / 1000, REJOIN);
		Set<String> taken = ConcurrentHashMap.newKeySet();
		Flux.range(0, 2000)
			.flatMap((i) -> others.get(i % 3).reserve(ACCOUNT, "q1", schedule, process(0)), 32)
			.doOnNext((reservation) -> {
				assertThat(reservation.outcome()).isEqualTo(Outcome.GRANTED);
				taken.add(reservation.slot());
			})
			.blockLast(Duration.ofMinutes(2));

		assertThat(freed).hasSize(2000);
		assertThat(taken).isEqualTo(freed);
		assertThat(redis.command("ZCARD", freedKey)).isEqualTo(0L);
		assertThat(hashField("tat")).isEqualTo(tatBefore);
	}

	/**
	 * Three processes took permits; then the store stopped answering for all of them. The first back says it counted
	 * three: every process is told to keep its fallback pacing until three have reserved since, which the entries
	 * from before the outage do not count towards; then the rejoin is over for all. A rejoin nobody completes ends
	 * at the schedule's limit.
	 */
	@Test
	void aRejoinLastsUntilAsManyProcessesAsCountedBeforeHaveReservedSinceOrItsLimit() throws InterruptedException {
		RedisLimitStore store = this.connections.store(redis);
		Schedule schedule = new Schedule(1000, 0, 10_000_000, 60_000_000, REJOIN);
		List<Integer> counted = new ArrayList<>();
		for (String process : List.of("p1", "p2", "p3")) {
			Reservation before = reserve(store, schedule, new Requester(process, 0, 0));
			counted.add(before.processes());
			assertThat(before.rejoining()).isFalse();
		}
		assertThat(counted).containsExactly(1, 2, 3);

		Reservation first = reserve(store, schedule, new Requester("p1", 4, 3));
		Reservation again = reserve(store, schedule, new Requester("p1", 0, 0));
		Reservation second = reserve(store, schedule, new Requester("p2", 0, 0));
		Reservation third = reserve(store, schedule, new Requester("p3", 0, 0));
		Reservation after = reserve(store, schedule, new Requester("p1", 0, 0));

		assertThat(List.of(first, again, second)).allSatisfy((reservation) -> {
			assertThat(reservation.outcome()).isEqualTo(Outcome.GRANTED);
			assertThat(reservation.rejoining()).isTrue();
			assertThat(reservation.processes()).isEqualTo(3);
		});
		assertThat(third.rejoining()).as("the third process back ends the rejoin").isFalse();
		assertThat(after.rejoining()).isFalse();

		Schedule shortRejoin = new Schedule(1000, 0, 10_000_000, 60_000_000, 300_000);
		assertThat(reserve(store, shortRejoin, new Requester("p1", 0, 3)).rejoining()).isTrue();
		assertThat(reserve(store, shortRejoin, new Requester("p2", 0, 0)).rejoining()).isTrue();
		Thread.sleep(400);
		assertThat(reserve(store, shortRejoin, new Requester("p2", 0, 0)).rejoining())
			.as("past the limit, without the third process").isFalse();
		assertThat(redis.keys()).contains(stateKey() + ":processes");
		assertThat(redis.command("ZRANGE", stateKey() + ":processes", "0", "-1")).isEqualTo(List.of("p3", "p1", "p2"));
	}

	private static Reservation reserve(RedisLimitStore store, Schedule schedule, Requester requester) {
		return store.reserve(ACCOUNT, "q1", schedule, requester).block(Duration.ofSeconds(5));
	}

	private static Requester process(int charge) {
		return new Requester("process-1", charge, 0);
	}

	private static long intervalMicros(RateLimitSettings settings) {
		return (settings.interval().toNanos() + 999) / 1000;
	}

	private String hashField(String field) {
		return (String) redis.command("HGET", stateKey(), field);
	}

	static RateLimitSettings fallback(RateLimitSettings settings) {
		return new RateLimitSettings(settings.requests(), settings.window(), settings.burst(), 1.0, settings.maxWait(),
				settings.lockout());
	}

}
