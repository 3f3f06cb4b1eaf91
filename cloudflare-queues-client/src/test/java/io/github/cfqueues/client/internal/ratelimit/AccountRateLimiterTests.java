package io.github.cfqueues.client.internal.ratelimit;

import io.github.cfqueues.client.RateLimitSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.ApiError;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The limiter's pacing, on virtual time: the burst, the steady interval, the window bound, pauses and refusals.
 */
class AccountRateLimiterTests {

	private static final QueueEndpoint QUEUE = new QueueEndpoint("orders", "acc1", "q1",
			CloudflareCredentials.apiToken("t"));

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	/**
	 * 12 requests per 1 s window with a burst of 2: 2 at once, then one every 100 ms.
	 */
	private final RateLimitSettings settings = new RateLimitSettings(12, Duration.ofSeconds(1), 2, 1.0,
			Duration.ofSeconds(60), LOCKOUT);

	private static final Duration LOCKOUT = Duration.ofMinutes(5);

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

	private AccountRateLimiter limiter(RateLimitSettings settings) {
		return new AccountRateLimiter("acc1", settings, () -> this.time.now(TimeUnit.NANOSECONDS), CLOCK, this.time);
	}

	/**
	 * Takes {@code count} permits at once and returns when each was granted, in ms of virtual time.
	 */
	private List<Long> grantTimes(AccountRateLimiter limiter, int count) {
		List<Long> granted = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		}
		this.time.advanceTimeBy(Duration.ofMinutes(10));
		return granted;
	}

	@Test
	void burstGoesAtOnceThenPermitsComeAtTheSteadyInterval() {
		assertThat(this.settings.interval()).isEqualTo(Duration.ofMillis(100));

		assertThat(grantTimes(limiter(this.settings), 6)).containsExactly(0L, 0L, 100L, 200L, 300L, 400L);
	}

	@Test
	void noWindowEverHoldsMoreThanTheLimitWhateverTheArrivals() {
		AccountRateLimiter limiter = limiter(
				new RateLimitSettings(12, Duration.ofSeconds(1), 2, 1.0, Duration.ofHours(1), LOCKOUT));
		Random random = new Random(42);
		List<Long> granted = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			this.time.advanceTimeBy(Duration.ofMillis(random.nextInt(3) == 0 ? random.nextInt(400) : 0));
			limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		}
		this.time.advanceTimeBy(Duration.ofHours(1));

		assertThat(granted).hasSize(2000);
		int most = 0;
		for (int first = 0, last = 0; last < granted.size(); last++) {
			while (granted.get(last) - granted.get(first) >= 1000) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		assertThat(most).isLessThanOrEqualTo(12).isGreaterThanOrEqualTo(11);
	}

	@Test
	void shareOfReplicasScalesTheRate() {
		RateLimitSettings half = new RateLimitSettings(24, Duration.ofSeconds(1), 2, 0.5, Duration.ofSeconds(60),
				LOCKOUT);

		assertThat(half.permitsPerWindow()).isEqualTo(12);
		assertThat(grantTimes(limiter(half), 4)).containsExactly(0L, 0L, 100L, 200L);
	}

	@Test
	void accountWide429PausesUntilRetryAfterThenResumesAtTheInterval() {
		AccountRateLimiter limiter = limiter(this.settings);
		limiter.onFailure(rateLimited(List.of(new ApiError(971, "slow down")), Duration.ofSeconds(3)));

		assertThat(limiter.pauseCount()).isEqualTo(1);
		assertThat(limiter.availablePermits()).isZero();
		assertThat(limiter.currentWait()).isEqualTo(Duration.ofSeconds(3));
		assertThat(grantTimes(limiter, 3)).containsExactly(3000L, 3100L, 3200L);
	}

	@Test
	void queueOverloadedDoesNotPauseTheAccount() {
		AccountRateLimiter limiter = limiter(this.settings);
		limiter.onFailure(rateLimited(List.of(new ApiError(10250, "QueueOverloaded")), Duration.ofSeconds(3)));

		assertThat(limiter.pauseCount()).isZero();
		assertThat(grantTimes(limiter, 1)).containsExactly(0L);
	}

	@Test
	void queueGatePausesOnlyItsQueueOnQueueOverloaded() {
		AccountRateLimiter account = limiter(this.settings);
		QueueOverloadGate overloaded = new QueueOverloadGate(account, Duration.ofSeconds(60),
				() -> this.time.now(TimeUnit.NANOSECONDS), this.time);
		QueueOverloadGate other = new QueueOverloadGate(account, Duration.ofSeconds(60),
				() -> this.time.now(TimeUnit.NANOSECONDS), this.time);
		overloaded.onFailure(rateLimited(List.of(new ApiError(10250, "QueueOverloaded")), Duration.ofSeconds(2)));

		List<Long> granted = new ArrayList<>();
		overloaded.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		other.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofSeconds(5));

		assertThat(granted).containsExactly(0L, 2000L);
		assertThat(overloaded.isPaused()).isFalse();
	}

	@Test
	void waitLongerThanMaxWaitFailsAtOnceWithoutTakingAPermit() {
		RateLimitSettings impatient = new RateLimitSettings(12, Duration.ofSeconds(1), 2, 1.0, Duration.ofMillis(150),
				LOCKOUT);
		AccountRateLimiter limiter = limiter(impatient);
		grantTimes(limiter, 0);
		limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe();

		StepVerifier.create(limiter.permit(QUEUE, "push")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(QueueRateLimitedException.class).hasMessageContaining("rate-limit.max-wait");
			QueueRateLimitedException limited = (QueueRateLimitedException) ex;
			assertThat(limited.isLocal()).isTrue();
			assertThat(limited.getRetryAfter()).isEqualTo(Duration.ofMillis(200));
			assertThat(limited.getQueueName()).isEqualTo("orders");
		}).verify();
		assertThat(limiter.refusalCount()).isEqualTo(1);
		assertThat(limiter.currentWait()).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void availablePermitsRefillToTheBurst() {
		AccountRateLimiter limiter = limiter(this.settings);
		assertThat(limiter.availablePermits()).isEqualTo(2);
		grantTimes(limiter, 0);
		limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe();
		assertThat(limiter.availablePermits()).isZero();

		this.time.advanceTimeBy(Duration.ofMillis(100));
		assertThat(limiter.availablePermits()).isEqualTo(1);
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(limiter.availablePermits()).isEqualTo(2);
	}

	@Test
	void burstMustLeaveRoomForTheSteadyRate() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RateLimitSettings(10, Duration.ofSeconds(1), 10, 1.0, Duration.ZERO, LOCKOUT))
			.withMessageContaining("burst (10)");
	}

	@Test
	void anAccountWide429WithoutRetryAfterPausesForCloudflaresLockout() {
		AccountRateLimiter limiter = limiter(new RateLimitSettings(12, Duration.ofSeconds(1), 2, 1.0,
				Duration.ofHours(1), LOCKOUT));
		limiter.onFailure(rateLimited(List.of(), null));

		assertThat(limiter.currentWait()).isEqualTo(LOCKOUT);
		assertThat(grantTimes(limiter, 1)).containsExactly(LOCKOUT.toMillis());
	}

	@Test
	void aPauseLongerThanMaxWaitFailsAtOnceSayingTheAccountIsPausedAndWhy() {
		AccountRateLimiter limiter = limiter(this.settings);
		limiter.onFailure(new QueueRateLimitedException("limited", new FailureDetails("batch push", "emails", "q2", 429,
				List.of(new ApiError(971, "Please wait and consider throttling your request speed")), "8f1e-EWR",
				Duration.ofMinutes(10)), null));

		StepVerifier.create(limiter.permit(QUEUE, "push")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(QueueRateLimitedException.class)
				.hasMessageStartingWith("Not sent: the account acc1 is paused for another PT10M, until "
						+ "2026-12-01T12:10:00Z: Cloudflare answered HTTP 429 [971 Please wait and consider "
						+ "throttling your request speed] to batch push on queue 'emails' at 2026-12-01T12:00:00Z "
						+ "(cf-ray 8f1e-EWR) with Retry-After PT10M. That is longer than rate-limit.max-wait (PT1M)")
				.hasMessageNotContaining("retry.max-wait");
			assertThat(((QueueRateLimitedException) ex).isLocal()).isTrue();
		}).verify();
	}

	@Test
	void aRequestCancelledWhileWaitingGivesItsSlotToTheNextRequest() {
		AccountRateLimiter limiter = limiter(this.settings);
		List<Long> granted = new ArrayList<>();
		limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe();
		Disposable third = limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofMillis(50));
		third.dispose();
		limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(granted).containsExactly(100L, 200L, 300L);
	}

	@Test
	void aSlotWhoseTimeHasComeIsNotGivenBack() {
		AccountRateLimiter limiter = limiter(this.settings);
		limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe();
		this.time.advanceTimeBy(Duration.ofMillis(10));
		List<Long> granted = new ArrayList<>();
		limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofMillis(90));
		limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(granted).containsExactly(100L, 200L);
	}

	@Test
	void requestsAlreadyWaitingWhenThePauseBeginsWaitForItsEnd() {
		AccountRateLimiter limiter = limiter(this.settings);
		List<Long> granted = new ArrayList<>();
		limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe();
		limiter.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofMillis(50));
		limiter.onFailure(rateLimited(List.of(), Duration.ofSeconds(3)));
		this.time.advanceTimeBy(Duration.ofSeconds(10));

		assertThat(granted).hasSize(1);
		assertThat(granted.get(0)).isGreaterThanOrEqualTo(3050L);
	}

	@Test
	void withPacingOffAnAccountWide429StillPausesTheAccount() {
		AccountPauseGate gate = new AccountPauseGate("acc1", Duration.ofSeconds(60), LOCKOUT,
				() -> this.time.now(TimeUnit.NANOSECONDS), CLOCK, this.time);
		List<Long> granted = new ArrayList<>();
		gate.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		gate.onFailure(rateLimited(List.of(), Duration.ofSeconds(2)));
		gate.onFailure(rateLimited(List.of(new ApiError(10250, "QueueOverloaded")), Duration.ofSeconds(30)));
		gate.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		gate.permit(QUEUE, "push").subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofSeconds(5));

		assertThat(granted).containsExactly(0L, 2000L, 2000L);
		assertThat(gate.pauseCount()).isEqualTo(1);
	}

	@Test
	void withPacingOffA429WithoutRetryAfterPausesForTheLockoutAndLongerWaitsFailAtOnce() {
		AccountPauseGate gate = new AccountPauseGate("acc1", Duration.ofSeconds(60), LOCKOUT,
				() -> this.time.now(TimeUnit.NANOSECONDS), CLOCK, this.time);
		gate.onFailure(rateLimited(List.of(), null));

		StepVerifier.create(gate.permit(QUEUE, "push"))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("paused for another PT5M")
				.hasMessageContaining("without Retry-After, so the account waits out Cloudflare's lockout (PT5M, "
						+ "rate-limit.lockout)"))
			.verify();
	}

	private static QueueRateLimitedException rateLimited(List<ApiError> errors, @Nullable Duration retryAfter) {
		return new QueueRateLimitedException("limited",
				new FailureDetails("push", "orders", "q1", 429, errors, null, retryAfter), null);
	}

}
