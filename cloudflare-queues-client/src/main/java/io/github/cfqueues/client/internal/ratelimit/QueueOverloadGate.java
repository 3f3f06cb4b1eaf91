package io.github.cfqueues.client.internal.ratelimit;

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
 * One queue's gate: holds the queue's requests back after Cloudflare answers that the queue is overloaded (429
 * with code 10250) until its {@code Retry-After} has passed, then hands them to the account's gate. Other queues of
 * the account are not held back.
 */
public final class QueueOverloadGate implements RequestGate {

	private static final Duration PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(1);

	private final RequestGate account;

	private final Duration maxWait;

	private final LongSupplier nanoClock;

	private final Scheduler timer;

	private volatile long pausedUntil;

	private volatile String cause = "";

	public QueueOverloadGate(RequestGate account, Duration maxWait) {
		this(account, maxWait, System::nanoTime, Schedulers.parallel());
	}

	QueueOverloadGate(RequestGate account, Duration maxWait, LongSupplier nanoClock, Scheduler timer) {
		this.account = Objects.requireNonNull(account, "account must not be null");
		this.maxWait = Objects.requireNonNull(maxWait, "maxWait must not be null");
		this.nanoClock = nanoClock;
		this.timer = timer;
		this.pausedUntil = nanoClock.getAsLong();
	}

	@Override
	public Mono<Void> permit(QueueEndpoint endpoint, String operation) {
		return Mono.defer(() -> {
			long wait = this.pausedUntil - this.nanoClock.getAsLong();
			if (wait <= 0) {
				return this.account.permit(endpoint, operation);
			}
			if (wait > this.maxWait.toNanos()) {
				return Mono.error(Refusals.queuePaused(this.cause, this.maxWait, endpoint, operation, wait));
			}
			return Mono.delay(Duration.ofNanos(wait), this.timer).then(this.account.permit(endpoint, operation));
		});
	}

	@Override
	public void onFailure(CloudflareQueuesException failure) {
		if (pauses(failure)) {
			QueueRateLimitedException limited = (QueueRateLimitedException) failure;
			this.cause = cause(limited);
			pause(duration(limited));
		}
		this.account.onFailure(failure);
	}

	@Override
	public @Nullable Instant pausedUntil() {
		return this.account.pausedUntil();
	}

	/**
	 * Whether a failure pauses its queue: Cloudflare's 429 with code 10250.
	 * @param failure the failure
	 * @return {@code true} for an overloaded queue
	 */
	static boolean pauses(CloudflareQueuesException failure) {
		return failure instanceof QueueRateLimitedException limited && !limited.isLocal() && !limited.isAccountWide();
	}

	/**
	 * How long an overloaded queue pauses.
	 * @param limited the answer
	 * @return its {@code Retry-After}, else one second
	 */
	static Duration duration(QueueRateLimitedException limited) {
		Duration retryAfter = limited.getRetryAfter();
		return (retryAfter != null) ? retryAfter : PAUSE_WITHOUT_RETRY_AFTER;
	}

	/**
	 * Says why a queue is paused, for the requests refused meanwhile.
	 * @param limited the answer
	 * @return the answer's status, codes, cf-ray and wait
	 */
	static String cause(QueueRateLimitedException limited) {
		Duration retryAfter = limited.getRetryAfter();
		return "Cloudflare answered HTTP " + limited.getHttpStatus() + " " + limited.getErrors()
				+ " (queue overloaded) to " + limited.getDetails().operation()
				+ ((limited.getCfRay() != null) ? ", cf-ray " + limited.getCfRay() : "")
				+ ((retryAfter != null) ? ", with Retry-After " + retryAfter : ", without Retry-After");
	}

	/**
	 * Holds back this queue's requests for a while.
	 * @param duration how long
	 */
	public synchronized void pause(Duration duration) {
		this.pausedUntil = Math.max(this.pausedUntil, this.nanoClock.getAsLong() + duration.toNanos());
	}

	/**
	 * Whether the queue is paused now.
	 * @return {@code true} while a pause lasts
	 */
	public boolean isPaused() {
		return this.pausedUntil - this.nanoClock.getAsLong() > 0;
	}

}
