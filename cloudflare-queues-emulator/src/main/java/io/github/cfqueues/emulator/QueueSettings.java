package io.github.cfqueues.emulator;

import java.time.Duration;

/**
 * The settings of a queue, as the queues API shows them under {@code settings}.
 *
 * @param deliveryDelay the delay of messages pushed without a {@code delay_seconds} of their own (or of their
 * batch): whole seconds from 0 to 86,400
 * @param deliveryPaused whether pulls are refused (with 409); pushes, acks and retries are still accepted
 * @param messageRetentionPeriod how long a message is kept, acknowledged or not, counted from its arrival by the
 * emulator's clock: whole seconds from 60 to 1,209,600 (14 days)
 */
public record QueueSettings(Duration deliveryDelay, boolean deliveryPaused, Duration messageRetentionPeriod) {

	/** The longest {@link #deliveryDelay()} in seconds. */
	public static final long MAX_DELIVERY_DELAY_SECONDS = 86_400;

	/** The shortest {@link #messageRetentionPeriod()} in seconds. */
	public static final long MIN_RETENTION_SECONDS = 60;

	/** The longest {@link #messageRetentionPeriod()} in seconds (14 days). */
	public static final long MAX_RETENTION_SECONDS = 1_209_600;

	/** The {@link #messageRetentionPeriod()} of a new queue in seconds (4 days). */
	public static final long DEFAULT_RETENTION_SECONDS = 345_600;

	/**
	 * Validates the components.
	 * @param deliveryDelay see {@link #deliveryDelay()}
	 * @param deliveryPaused see {@link #deliveryPaused()}
	 * @param messageRetentionPeriod see {@link #messageRetentionPeriod()}
	 * @throws IllegalArgumentException if a value is out of bounds or not whole seconds
	 */
	public QueueSettings {
		Durations.requireWholeSeconds(deliveryDelay, "deliveryDelay", 0, MAX_DELIVERY_DELAY_SECONDS);
		Durations.requireWholeSeconds(messageRetentionPeriod, "messageRetentionPeriod", MIN_RETENTION_SECONDS,
				MAX_RETENTION_SECONDS);
	}

	/**
	 * Returns the settings of a new queue: no delay, not paused, 4 days of retention.
	 * @return the default settings
	 */
	public static QueueSettings defaults() {
		return new QueueSettings(Duration.ZERO, false, Duration.ofSeconds(DEFAULT_RETENTION_SECONDS));
	}

	/**
	 * Returns a copy with another delivery delay.
	 * @param deliveryDelay see {@link #deliveryDelay()}
	 * @return the new settings
	 */
	public QueueSettings withDeliveryDelay(Duration deliveryDelay) {
		return new QueueSettings(deliveryDelay, this.deliveryPaused, this.messageRetentionPeriod);
	}

	/**
	 * Returns a copy with delivery paused or resumed.
	 * @param deliveryPaused see {@link #deliveryPaused()}
	 * @return the new settings
	 */
	public QueueSettings withDeliveryPaused(boolean deliveryPaused) {
		return new QueueSettings(this.deliveryDelay, deliveryPaused, this.messageRetentionPeriod);
	}

	/**
	 * Returns a copy with another retention period.
	 * @param messageRetentionPeriod see {@link #messageRetentionPeriod()}
	 * @return the new settings
	 */
	public QueueSettings withMessageRetentionPeriod(Duration messageRetentionPeriod) {
		return new QueueSettings(this.deliveryDelay, this.deliveryPaused, messageRetentionPeriod);
	}

}
