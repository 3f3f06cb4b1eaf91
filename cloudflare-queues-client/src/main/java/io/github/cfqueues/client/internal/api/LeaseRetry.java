package io.github.cfqueues.client.internal.api;

import io.github.cfqueues.client.QueueMessage;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A leased message to deliver again after a delay instead of acknowledging it.
 *
 * @param leaseId the lease
 * @param delay whole seconds from 0 to 24 hours before the message is delivered again, or {@code null} to leave
 * it to the queue's consumer setting ({@code retry_delay})
 */
public record LeaseRetry(String leaseId, @Nullable Duration delay) {

	public LeaseRetry {
		Objects.requireNonNull(leaseId, "leaseId must not be null");
		if (delay != null) {
			QueueMessage.checkDelay(delay, "The retry delay");
		}
	}

}
