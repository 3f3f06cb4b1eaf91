package io.github.cfqueues.emulator;

import org.jspecify.annotations.Nullable;

/**
 * Answers one HTTP request for the {@link HttpServerRunner}, on the connection's own thread.
 */
@FunctionalInterface
interface HttpExchangeHandler {

	/**
	 * Decides the answer to a request; may block, and is interrupted when the server stops.
	 * @param request the request
	 * @return the response to write, or {@code null} to reset the connection without any answer
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Nullable ApiResponse handle(RawRequest request) throws InterruptedException;

}
