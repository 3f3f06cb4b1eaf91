package io.github.cfqueues.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many messages a pull wants and how long it leases them; {@code null} where the request left a value out,
 * for the consumer's setting.
 */
record PullOptions(@Nullable Integer batchSize, @Nullable Duration visibilityTimeout) {

	int batchSizeOr(ConsumerSettings settings) {
		return (this.batchSize != null) ? this.batchSize : settings.batchSize();
	}

	Duration visibilityTimeoutOr(ConsumerSettings settings) {
		return (this.visibilityTimeout != null) ? this.visibilityTimeout : settings.visibilityTimeout();
	}

}
