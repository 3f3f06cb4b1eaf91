package io.github.cfqueues.client.internal.ratelimit;

import io.github.cfqueues.client.RateLimitSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.ApiError;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueRateLimitedException;

/**
 * The errors of requests refused before they were sent, because their wait would pass {@code rate-limit.max-wait}.
 * Each says which wait it was: a pause after Cloudflare's 429 (and which answer caused it), or the pacing.
 */
final class Refusals {

	private Refusals() {
	}

	static QueueRateLimitedException paused(AccountPause pause, Duration maxWait, QueueEndpoint endpoint,
			String operation, long waitNanos) {
		return refused("Not sent: the " + pause.describe() + ". That is longer than rate-limit.max-wait ("
				+ maxWait + ")", endpoint, operation, waitNanos, List.of());
	}

	static QueueRateLimitedException sharedPause(String accountId, long waitNanos, Instant until, String cause,
			Duration maxWait, QueueEndpoint endpoint, String operation) {
		return refused("Not sent: the " + AccountPause.describe(accountId, waitNanos, until, cause)
				+ " (shared by every process of the account). That is longer than rate-limit.max-wait (" + maxWait
				+ ")", endpoint, operation, waitNanos, List.of());
	}

	static QueueRateLimitedException paced(String accountId, RateLimitSettings settings, QueueEndpoint endpoint,
			String operation, long waitNanos) {
		return refused("Not sent: the next permit of account " + accountId + "'s rate limiter ("
				+ settings.requests() + " requests per " + settings.window() + " x share " + settings.share()
				+ ", burst " + settings.burst() + ") is " + Duration.ofNanos(waitNanos)
				+ " away, longer than rate-limit.max-wait (" + settings.maxWait() + ")", endpoint, operation,
				waitNanos, List.of());
	}

	static QueueRateLimitedException queuePaused(String cause, Duration maxWait, QueueEndpoint endpoint,
			String operation, long waitNanos) {
		return refused("Not sent: queue '" + endpoint.name() + "' is paused for another " + Duration.ofNanos(waitNanos)
				+ ": " + cause + ". That is longer than rate-limit.max-wait (" + maxWait + ")", endpoint, operation,
				waitNanos,
				List.of(new ApiError(QueueRateLimitedException.QUEUE_OVERLOADED, "QueueOverloaded")));
	}

	private static QueueRateLimitedException refused(String reason, QueueEndpoint endpoint, String operation,
			long waitNanos, List<ApiError> errors) {
		return new QueueRateLimitedException(reason, new FailureDetails(operation, endpoint.name(),
				endpoint.queueId(), 0, errors, null, Duration.ofNanos(waitNanos)), null);
	}

}
