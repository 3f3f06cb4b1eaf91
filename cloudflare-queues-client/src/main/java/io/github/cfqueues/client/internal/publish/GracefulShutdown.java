package io.github.cfqueues.client.internal.publish;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * A publisher that holds messages and must be shut down in order: stop taking pushes, answer what it holds within
 * a timeout, and fail what it could not send.
 */
public interface GracefulShutdown {

	/**
	 * Shuts down: refuses new pushes at once, sends what is held, and after the timeout fails every message still
	 * unanswered with a {@link io.github.cfqueues.client.error.PublisherClosedException}.
	 * @param timeout how long to wait for held messages to be answered
	 * @return completes when every held message has its answer or its error
	 */
	Mono<Void> shutdown(Duration timeout);

}
