package io.github.cfqueues.client.admin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of a queue's latest purge.
 *
 * @param startedAt when the latest purge started, or {@code null} when the queue was never purged (or Cloudflare
 * did not say)
 * @param completed whether that purge has finished deleting the queue's messages
 */
public record PurgeStatus(@Nullable Instant startedAt, boolean completed) {

	/**
	 * Whether Cloudflare reported a purge at all.
	 * @return {@code true} if a purge was started
	 */
	public boolean wasPurged() {
		return this.startedAt != null;
	}

}
