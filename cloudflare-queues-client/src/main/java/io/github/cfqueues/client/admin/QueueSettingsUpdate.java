package io.github.cfqueues.client.admin;

import java.time.Duration;
import java.util.Objects;

import io.github.cfqueues.client.QueueMessage;
import org.jspecify.annotations.Nullable;

/**
 * A change to a queue's settings: only the settings given are sent, the others keep their value. Checked against
 * Cloudflare's bounds when built.
 * <pre>{@code
 * admin.updateQueue(queueId, QueueSettingsUpdate.builder().deliveryPaused(true).build());
 * }</pre>
 */
public final class QueueSettingsUpdate {

	/**
	 * The shortest message retention period Cloudflare accepts.
	 */
	public static final Duration MIN_RETENTION_PERIOD = Duration.ofSeconds(60);

	/**
	 * The longest message retention period Cloudflare accepts (14 days; 24 hours on the free plan).
	 */
	public static final Duration MAX_RETENTION_PERIOD = Duration.ofDays(14);

	private final @Nullable Duration deliveryDelay;

	private final @Nullable Boolean deliveryPaused;

	private final @Nullable Duration messageRetentionPeriod;

	private QueueSettingsUpdate(Builder builder) {
		this.deliveryDelay = builder.deliveryDelay;
		this.deliveryPaused = builder.deliveryPaused;
		this.messageRetentionPeriod = builder.messageRetentionPeriod;
	}

	/**
	 * Starts a change that changes nothing yet.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The new delivery delay.
	 * @return the delay, or {@code null} to keep the current one
	 */
	public @Nullable Duration deliveryDelay() {
		return this.deliveryDelay;
	}

	/**
	 * Whether delivery is to be paused.
	 * @return the new state, or {@code null} to keep the current one
	 */
	public @Nullable Boolean deliveryPaused() {
		return this.deliveryPaused;
	}

	/**
	 * The new message retention period.
	 * @return the period, or {@code null} to keep the current one
	 */
	public @Nullable Duration messageRetentionPeriod() {
		return this.messageRetentionPeriod;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof QueueSettingsUpdate that && Objects.equals(this.deliveryDelay, that.deliveryDelay)
				&& Objects.equals(this.deliveryPaused, that.deliveryPaused)
				&& Objects.equals(this.messageRetentionPeriod, that.messageRetentionPeriod);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.deliveryDelay, this.deliveryPaused, this.messageRetentionPeriod);
	}

	@Override
	public String toString() {
		return "QueueSettingsUpdate[deliveryDelay=" + this.deliveryDelay + ", deliveryPaused=" + this.deliveryPaused
				+ ", messageRetentionPeriod=" + this.messageRetentionPeriod + "]";
	}

	/**
	 * Builds a {@link QueueSettingsUpdate}.
	 */
	public static final class Builder {

		private @Nullable Duration deliveryDelay;

		private @Nullable Boolean deliveryPaused;

		private @Nullable Duration messageRetentionPeriod;

		private Builder() {
		}

		/**
		 * How long a message pushed without a delay of its own waits before it can be delivered.
		 * @param deliveryDelay whole seconds, at most 24 hours
		 * @return this builder
		 */
		public Builder deliveryDelay(Duration deliveryDelay) {
			this.deliveryDelay = QueueMessage.checkDelay(deliveryDelay, "The delivery delay");
			return this;
		}

		/**
		 * Pauses or resumes delivery: a paused queue still accepts pushes, and refuses pulls.
		 * @param deliveryPaused {@code true} to pause
		 * @return this builder
		 */
		public Builder deliveryPaused(boolean deliveryPaused) {
			this.deliveryPaused = deliveryPaused;
			return this;
		}

		/**
		 * How long an undelivered message is kept.
		 * @param messageRetentionPeriod whole seconds from 60 seconds to 14 days (24 hours on the free plan)
		 * @return this builder
		 */
		public Builder messageRetentionPeriod(Duration messageRetentionPeriod) {
			Objects.requireNonNull(messageRetentionPeriod, "The message retention period must not be null");
			if (messageRetentionPeriod.getNano() != 0) {
				throw new IllegalArgumentException("The message retention period must be whole seconds (Cloudflare "
						+ "takes message_retention_period in seconds), got " + messageRetentionPeriod);
			}
			if (messageRetentionPeriod.compareTo(MIN_RETENTION_PERIOD) < 0
					|| messageRetentionPeriod.compareTo(MAX_RETENTION_PERIOD) > 0) {
				throw new IllegalArgumentException("The message retention period must be from "
						+ MIN_RETENTION_PERIOD.toSeconds() + " seconds to " + MAX_RETENTION_PERIOD.toSeconds()
						+ " seconds (14 days), got " + messageRetentionPeriod);
			}
			this.messageRetentionPeriod = messageRetentionPeriod;
			return this;
		}

		/**
		 * Builds the change.
		 * @return the change
		 * @throws IllegalArgumentException if it changes nothing
		 */
		public QueueSettingsUpdate build() {
			if (this.deliveryDelay == null && this.deliveryPaused == null && this.messageRetentionPeriod == null) {
				throw new IllegalArgumentException("A queue settings update must change at least one setting: "
						+ "deliveryDelay, deliveryPaused or messageRetentionPeriod");
			}
			return new QueueSettingsUpdate(this);
		}

	}

}
