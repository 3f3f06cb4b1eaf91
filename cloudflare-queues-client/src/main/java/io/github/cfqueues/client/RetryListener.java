package io.github.cfqueues.client;

import java.time.Duration;
import java.util.List;

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

	/**
	 * One listener that tells each of the given ones, in order.
	 * @param listeners the listeners
	 * @return {@link #NONE} for none, the listener itself for one, else one telling them all
	 */
	static RetryListener of(List<? extends RetryListener> listeners) {
		List<RetryListener> all = List.copyOf(listeners);
		if (all.isEmpty()) {
			return NONE;
		}
		if (all.size() == 1) {
			return all.get(0);
		}
		return (failure, attempt, wait) -> all.forEach((listener) -> listener.onRetry(failure, attempt, wait));
	}

}
