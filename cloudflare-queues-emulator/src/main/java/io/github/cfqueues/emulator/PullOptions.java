package io.github.cfqueues.emulator;

import java.time.Duration;

/**
 * How many messages a pull wants and how long it leases them.
 */
record PullOptions(int batchSize, Duration visibilityTimeout) {

	static final int DEFAULT_BATCH_SIZE = 5;

	static final int MAX_BATCH_SIZE = 100;

	static final long DEFAULT_VISIBILITY_TIMEOUT_MS = 30_000;

	static final long MAX_VISIBILITY_TIMEOUT_MS = 43_200_000;

	static PullOptions defaults() {
		return new PullOptions(DEFAULT_BATCH_SIZE, Duration.ofMillis(DEFAULT_VISIBILITY_TIMEOUT_MS));
	}

}
