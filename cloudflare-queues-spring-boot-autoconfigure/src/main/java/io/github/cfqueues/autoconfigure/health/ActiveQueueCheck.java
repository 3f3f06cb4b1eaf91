package io.github.cfqueues.autoconfigure.health;

import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.cfqueues.client.QueueMetrics;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Asks Cloudflare for a queue's backlog, at most once per cache time whatever the number of health calls, and waits
 * for the answer no longer than the timeout. Calls that arrive while a check runs wait for its outcome.
 */
final class ActiveQueueCheck {

	private final Supplier<Mono<QueueMetrics>> request;

	private final ActiveCheckSettings settings;

	private final LongSupplier nanoClock;

	private @Nullable Outcome last;

	private long lastAt;

	ActiveQueueCheck(Supplier<Mono<QueueMetrics>> request, ActiveCheckSettings settings, LongSupplier nanoClock) {
		this.request = request;
		this.settings = settings;
		this.nanoClock = nanoClock;
	}

	synchronized Outcome check() {
		long now = this.nanoClock.getAsLong();
		if (this.last != null && now - this.lastAt < this.settings.cacheTime().toNanos()) {
			return this.last;
		}
		this.last = run();
		this.lastAt = this.nanoClock.getAsLong();
		return this.last;
	}

	private Outcome run() {
		Instant at = Instant.now();
		try {
			this.request.get().timeout(this.settings.timeout()).block();
			return new Outcome(at, null);
		}
		catch (RuntimeException ex) {
			Throwable cause = Exceptions.unwrap(ex);
			return new Outcome(at, (cause instanceof TimeoutException) ? "no answer within " + this.settings.timeout()
					: cause.getClass().getSimpleName());
		}
	}

	/**
	 * The outcome of one check.
	 *
	 * @param at when it was made
	 * @param failure what went wrong (an exception's simple name, or the timeout), {@code null} when it succeeded
	 */
	record Outcome(Instant at, @Nullable String failure) {

		boolean succeeded() {
			return this.failure == null;
		}

	}

}
