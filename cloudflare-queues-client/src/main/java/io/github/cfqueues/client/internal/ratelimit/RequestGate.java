package io.github.cfqueues.client.internal.ratelimit;

import java.time.Instant;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Lets a request go when it may: every attempt that counts against Cloudflare's API limit takes a permit first.
 */
public interface RequestGate {

	/**
	 * A gate that never holds a request back.
	 */
	RequestGate OPEN = new RequestGate() {

		@Override
		public Mono<Void> permit(QueueEndpoint endpoint, String operation) {
			return Mono.empty();
		}

		@Override
		public void onFailure(CloudflareQueuesException failure) {
		}

	};

	/**
	 * Waits, without blocking a thread, until a request may be sent.
	 * @param endpoint the queue the request is for
	 * @param operation the operation, for the error
	 * @return a {@code Mono} that completes when the request may go, or fails with a
	 * {@link QueueRateLimitedException} when the wait would be longer than allowed
	 */
	Mono<Void> permit(QueueEndpoint endpoint, String operation);

	/**
	 * Learns from a failed request, for example to pause after a 429.
	 * @param failure the failure
	 */
	void onFailure(CloudflareQueuesException failure);

	/**
	 * Until when the account is paused after an account-wide 429 from Cloudflare, for health checks.
	 * @return the end of the pause, or {@code null} when the account is not paused
	 */
	default @Nullable Instant pausedUntil() {
		return null;
	}

}
