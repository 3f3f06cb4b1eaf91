package io.github.cfqueues.client.internal.retry;

import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.RetrySettings;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Decides whether a failed request is tried again, and when. Only {@link CloudflareQueuesException#isRetryable()
 * retryable} failures are retried, at most {@link RetrySettings#maxAttempts()} attempts in all. The wait is the
 * server's {@code Retry-After} when it sent one (a longer one than {@link RetrySettings#maxWait()} fails the call at
 * once with a {@link QueueRateLimitedException}), otherwise an exponential backoff less a random jitter.
 */
public final class RetryPolicy {

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

	private <T> Mono<T> tryFrom(int number, Mono<T> attempt, RetryListener listener) {
		return attempt.onErrorResume(CloudflareQueuesException.class, (failure) -> {
			CloudflareQueuesException checked = checkWait(failure);
			if (checked != failure || !checked.isRetryable() || isLocalRefusal(checked)
					|| number >= this.settings.maxAttempts()) {
				return Mono.error(checked);
			}
			Duration wait = waitAfter(checked, number);
			listener.onRetry(checked, number, wait);
			return Mono.delay(wait, this.timer).then(tryFrom(number + 1, attempt, listener));
		});
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
