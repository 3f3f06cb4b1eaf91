package io.github.cfqueues.client.retry;

import java.time.Duration;

import io.github.cfqueues.client.error.CloudflareQueuesException;

/**
 * Told of each retry before its wait starts: for logging, metrics and tests.
 */
@FunctionalInterface
public interface RetryListener {

	/**
	 * A listener that does nothing.
	 */
	RetryListener NONE = (failure, attempt, wait) -> {
	};

	/**
	 * Called when a failed attempt is about to be retried.
	 * @param failure why the last attempt failed
	 * @param failedAttempt the number of the attempt that failed, from 1
	 * @param wait how long until the next attempt
	 */
	void onRetry(CloudflareQueuesException failure, int failedAttempt, Duration wait);

}
