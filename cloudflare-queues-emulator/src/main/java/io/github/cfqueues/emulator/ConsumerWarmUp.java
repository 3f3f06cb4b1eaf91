package io.github.cfqueues.emulator;

import java.time.Clock;
import java.time.Duration;

/**
 * Refuses pulls for a while after a queue's HTTP pull consumer was created, with a transient server error, as
 * Cloudflare may right after an HTTP pull consumer is created. Changing the settings of an existing consumer
 * starts no new warm-up; deleting it and creating another does.
 */
final class ConsumerWarmUp {

	private final Duration duration;

	private final Clock clock;

	/**
	 * @param duration how long after its creation a consumer refuses pulls; zero for never
	 * @param clock the emulator's clock
	 */
	ConsumerWarmUp(Duration duration, Clock clock) {
		this.duration = duration;
		this.clock = clock;
	}

	/**
	 * Fails with 503 and code 15000 if the consumer was created less than the warm-up duration ago.
	 */
	void check(ManagedQueue queue, HttpPullConsumer consumer) {
		if (!this.duration.isZero() && this.clock.instant().isBefore(consumer.createdOn().plus(this.duration))) {
			throw ApiErrors.consumerWarmingUp(queue.address(), queue.name());
		}
	}

}
