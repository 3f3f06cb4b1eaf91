package io.github.cfqueues.client.internal.consume;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;

/**
 * One acknowledgement or retry waiting to travel, with the sink of its caller's {@code Mono}.
 *
 * @param messageId the message's id, for errors
 * @param leaseId the lease to settle
 * @param retry whether it is a retry rather than an acknowledgement
 * @param delay the retry's delay, {@code null} for the queue's consumer setting or for an acknowledgement
 * @param leaseExpiresAt when the lease ends, for errors
 * @param caller the caller's sink
 */
record Settlement(String messageId, String leaseId, boolean retry, @Nullable Duration delay, Instant leaseExpiresAt,
		MonoSink<Void> caller) {

	String describe() {
		return (this.retry ? "retry" : "acknowledgement") + " of message " + this.messageId + " (lease "
				+ this.leaseId + ")";
	}

}
