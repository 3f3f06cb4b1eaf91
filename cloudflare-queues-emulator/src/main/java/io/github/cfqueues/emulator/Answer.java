package io.github.cfqueues.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What to do with a request: the response to send after an optional delay, or none to drop the connection; with
 * what the request log needs to know.
 *
 * @param response the response, or {@code null} to close the connection without one
 * @param delay how long to hold the response back
 * @param path the resolved path, or {@code null} if no route matched
 * @param countedAgainstRateLimit whether the request took a place in the account rate limit
 */
record Answer(@Nullable ApiResponse response, Duration delay, @Nullable ResolvedPath path,
		boolean countedAgainstRateLimit) {

	static Answer of(ApiResponse response, @Nullable ResolvedPath path, boolean counted) {
		return new Answer(response, Duration.ZERO, path, counted);
	}

	static Answer dropConnection(ResolvedPath path, boolean counted) {
		return new Answer(null, Duration.ZERO, path, counted);
	}

	Answer delayedBy(Duration delay) {
		return new Answer(this.response, delay, this.path, this.countedAgainstRateLimit);
	}

	int status() {
		return (this.response != null) ? this.response.status() : RecordedRequest.NO_RESPONSE;
	}

}
