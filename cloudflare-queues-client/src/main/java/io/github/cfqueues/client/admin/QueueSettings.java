package io.github.cfqueues.client.admin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A queue's settings as Cloudflare reported them; each is {@code null} when the answer did not carry it.
 *
 * @param deliveryDelay how long a message pushed without a delay waits before it can be delivered
 * @param deliveryPaused whether delivery is paused (pushes are still accepted, pulls are refused)
 * @param messageRetentionPeriod how long an undelivered message is kept
 */
public record QueueSettings(@Nullable Duration deliveryDelay, @Nullable Boolean deliveryPaused,
		@Nullable Duration messageRetentionPeriod) {

}
