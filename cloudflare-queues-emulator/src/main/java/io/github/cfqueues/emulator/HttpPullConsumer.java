package io.github.cfqueues.emulator;

import java.time.Instant;

/**
 * The HTTP pull consumer of a queue: while a queue has one, it answers pulls and acks.
 *
 * @param consumerId 32 hex digits
 * @param createdOn when it was created, by the emulator's clock
 * @param settings its settings
 */
record HttpPullConsumer(String consumerId, Instant createdOn, ConsumerSettings settings) {

	static final String TYPE = "http_pull";

	HttpPullConsumer withSettings(ConsumerSettings settings) {
		return new HttpPullConsumer(this.consumerId, this.createdOn, settings);
	}

}
