package io.github.cfqueues.client.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Where a process's local schedule starts when the shared store stops answering: no sooner than the shared
 * schedule's lead, as last seen, from the moment the store failed, since the other processes may have taken permits
 * that far ahead meanwhile. Runs on virtual time against a store that answers once and then fails.
 */
class SharedFallbackStartTests {

	private static final RateLimitSettings SHARED = new RateLimitSettings(60, Duration.ofSeconds(10), 1, 1.0,
			Duration.ofSeconds(30), Duration.ofMinutes(5));

	private static final RateLimitSettings FALLBACK = new RateLimitSettings(60, Duration.ofSeconds(10), 1, 0.5,
			Duration.ofSeconds(30), Duration.ofMinutes(5));

	private static final Duration LEAD = Duration.ofSeconds(2);

	private static final QueueEndpoint ENDPOINT = new QueueEndpoint("orders", "0123456789abcdef0123456789abcdef",
			"fedcba9876543210fedcba9876543210", CloudflareCredentials.apiToken("test-token"));

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final AtomicInteger reservations = new AtomicInteger();

	@AfterEach
	void disposeTime() {
		this.time.dispose();
	}

	@Test
	void theLocalScheduleStartsNoSoonerThanTheSharedLeadFromWhenTheStoreFailed() {
		SharedAccountRateLimiter limiter = new SharedAccountRateLimiter(ENDPOINT.accountId(), SHARED, FALLBACK,
				new AnswersOnceStore(), Duration.ofMillis(500), () -> this.time.now(TimeUnit.NANOSECONDS),
				Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), this.time);
		assertThat(permitted(limiter)).as("the store's permit, at once").isTrue();

		this.time.advanceTimeBy(Duration.ofSeconds(3));
		AtomicBoolean fallbackPermit = new AtomicBoolean();
		limiter.permit(ENDPOINT, "push").subscribe(null, null, () -> fallbackPermit.set(true));
		Duration earliest = Duration.ofSeconds(3).plus(LEAD).plus(FALLBACK.interval());

		this.time.advanceTimeTo(Instant.ofEpochMilli(earliest.minusMillis(50).toMillis()));
		assertThat(fallbackPermit).as("before the lead from the failure and an interval have passed").isFalse();
		this.time.advanceTimeTo(Instant.ofEpochMilli(earliest.plusMillis(50).toMillis()));
		assertThat(fallbackPermit).as("once they have").isTrue();
		assertThat(this.reservations).hasValue(2);
		assertThat(limiter.isShared()).isFalse();
	}

	private static boolean permitted(SharedAccountRateLimiter limiter) {
		AtomicBoolean done = new AtomicBoolean();
		limiter.permit(ENDPOINT, "push").subscribe(null, null, () -> done.set(true));
		return done.get();
	}

	/**
	 * Grants the first reservation with the schedule {@link #LEAD} ahead, then fails every call.
	 */
	private final class AnswersOnceStore implements SharedLimitStore {

		@Override
		public Mono<Reservation> reserve(String accountId, String queueId, Schedule schedule, Requester requester) {
			if (SharedFallbackStartTests.this.reservations.incrementAndGet() == 1) {
				return Mono.just(new Reservation(Outcome.GRANTED, 0, "slot-1", LEAD.toNanos() / 1000, "", 1, false));
			}
			return Mono.error(new IllegalStateException("store down"));
		}

		@Override
		public Mono<Void> giveBack(String accountId, String slot, Schedule schedule) {
			return Mono.error(new IllegalStateException("store down"));
		}

		@Override
		public Mono<Void> pauseAccount(String accountId, Duration duration, String cause, Schedule schedule) {
			return Mono.error(new IllegalStateException("store down"));
		}

		@Override
		public Mono<Void> pauseQueue(String accountId, String queueId, Duration duration, String cause) {
			return Mono.error(new IllegalStateException("store down"));
		}

		@Override
		public Mono<Pauses> pauses(String accountId, String queueId) {
			return Mono.error(new IllegalStateException("store down"));
		}

		@Override
		public Mono<Void> ping() {
			return Mono.error(new IllegalStateException("store down"));
		}

	}

}
