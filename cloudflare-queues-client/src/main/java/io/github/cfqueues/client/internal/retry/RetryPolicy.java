package io.github.cfqueues.client.internal.retry;

import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.RetrySettings;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Decides whether a failed request is tried again, and when. Only {@link CloudflareQueuesException#isRetryable()
 * retryable} failures are retried, at most {@link RetrySettings#maxAttempts()} attempts in all. The wait is the
 * server's {@code Retry-After} when it sent one (a longer one than {@link RetrySettings#maxWait()} fails the call at
 * once with a {@link QueueRateLimitedException}), otherwise an exponential backoff less a random jitter. A caller may
 * {@link #cutWaitsShortOn(Mono) cut the waits short}.
 */
public final class RetryPolicy {

	private static final String CUT_SHORT = RetryPolicy.class.getName() + ".cutShort";

	private final RetrySettings settings;

	private final DoubleSupplier random;

	private final Scheduler timer;

	public RetryPolicy(RetrySettings settings) {
		this(settings, Math::random, Schedulers.parallel());
	}

	RetryPolicy(RetrySettings settings, DoubleSupplier random, Scheduler timer) {
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.random = random;
		this.timer = timer;
	}

	/**
	 * The settings this policy applies.
	 * @return the settings
	 */
	public RetrySettings settings() {
		return this.settings;
	}

	/**
	 * Runs an attempt and retries it under this policy. The attempt is subscribed to once per try, so it must be
	 * cold. Failures other than {@link CloudflareQueuesException} are passed on untouched.
	 * @param attempt one try of the request
	 * @param listener told of each retry
	 * @param <T> the result type
	 * @return the first successful result, or the failure that ended the tries
	 */
	public <T> Mono<T> apply(Mono<T> attempt, RetryListener listener) {
		return tryFrom(1, attempt, listener);
	}

	/**
	 * Lets a caller end the waits between attempts of the requests it subscribes to: once {@code signal} completes,
	 * a wait under way, or any later one, ends at once with the failure before it instead of another attempt. An
	 * attempt on the wire is left to finish, so no answer it brings is lost.
	 * @param signal completes when waiting is no longer wanted
	 * @return the change to the subscriber's context, for {@code contextWrite}
	 */
	public static Function<Context, Context> cutWaitsShortOn(Mono<Void> signal) {
		Objects.requireNonNull(signal, "signal must not be null");
		return (context) -> context.put(CUT_SHORT, signal);
	}

	private <T> Mono<T> tryFrom(int number, Mono<T> attempt, RetryListener listener) {
		return attempt.onErrorResume(CloudflareQueuesException.class, (failure) -> {
			CloudflareQueuesException checked = checkWait(failure);
			if (checked != failure || !checked.isRetryable() || isLocalRefusal(checked)
					|| number >= this.settings.maxAttempts()) {
				return Mono.error(checked);
			}
			Duration wait = waitAfter(checked, number);
			listener.onRetry(checked, number, wait);
			return waitOut(wait).flatMap(
					(waited) -> waited ? tryFrom(number + 1, attempt, listener) : Mono.<T>error(checked));
		});
	}

	/**
	 * Waits, unless the subscriber {@link #cutWaitsShortOn(Mono) cuts waits short} first.
	 * @return {@code true} once waited, {@code false} once cut short
	 */
	private Mono<Boolean> waitOut(Duration wait) {
		Mono<Boolean> waited = Mono.delay(wait, this.timer).thenReturn(true);
		return Mono.deferContextual((context) -> context.<Mono<Void>>getOrEmpty(CUT_SHORT)
			.map((cutShort) -> Mono.firstWithSignal(waited, cutShort.thenReturn(false)))
			.orElse(waited));
	}

	/**
	 * The wait before the attempt after {@code failedAttempt}.
	 * @param failure the failure
	 * @param failedAttempt the attempt that failed, from 1
	 * @return the wait
	 */
	Duration waitAfter(CloudflareQueuesException failure, int failedAttempt) {
		Duration serverWait = failure.getDetails().retryAfter();
		if (serverWait != null) {
			return serverWait;
		}
		double backoff = this.settings.initialBackoff().toNanos()
				* Math.pow(this.settings.multiplier(), failedAttempt - 1);
		double capped = Math.min(backoff, this.settings.maxBackoff().toNanos());
		double jittered = capped * (1.0 - this.settings.jitter() * this.random.getAsDouble());
		return Duration.ofNanos((long) jittered);
	}

	private static boolean isLocalRefusal(CloudflareQueuesException failure) {
		return failure instanceof QueueRateLimitedException limited && limited.isLocal();
	}

	private CloudflareQueuesException checkWait(CloudflareQueuesException failure) {
		FailureDetails details = failure.getDetails();
		@Nullable Duration serverWait = details.retryAfter();
		if (serverWait == null || serverWait.compareTo(this.settings.maxWait()) <= 0 || !failure.isRetryable()
				|| isLocalRefusal(failure)) {
			return failure;
		}
		return new QueueRateLimitedException("The server asked to wait " + serverWait
				+ ", longer than retry.max-wait (" + this.settings.maxWait() + ")", details, failure);
	}

}
