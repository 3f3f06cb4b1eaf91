package io.github.cfqueues.client.metrics;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.cfqueues.client.QueueStatus;
import io.github.cfqueues.client.observation.QueueOperation;
import org.jspecify.annotations.Nullable;

/**
 * What the client reports about its machinery, for metrics: register it with
 * {@link io.github.cfqueues.client.CloudflareQueuesClient.Builder#metricsRecorder(MetricsRecorder)}. The client calls
 * the registration methods once per source (a queue, a publisher's flow control, an account's limiter) and the others
 * as things happen, on whatever thread they happen: implementations must be thread safe and quick, and must not
 * block. Every method does nothing by default. One recorder serves one client.
 *
 * @see MicrometerMetricsRecorder
 */
public interface MetricsRecorder {

	/**
	 * A recorder that records nothing.
	 */
	MetricsRecorder NONE = new MetricsRecorder() {
	};

	/**
	 * A queue the client publishes to or consumes from: its state, with the backlog Cloudflare last reported.
	 * @param queueName the queue's name in the application
	 * @param status reads the queue's state, without any request
	 */
	default void queue(String queueName, Supplier<QueueStatus> status) {
	}

	/**
	 * A publisher's flow control.
	 * @param queueName the queue's name
	 * @param outstandingMessages reads the messages it holds
	 * @param outstandingBytes reads their bytes
	 * @param waiting reads the pushes waiting for room
	 */
	default void flowControl(String queueName, IntSupplier outstandingMessages, LongSupplier outstandingBytes,
			IntSupplier waiting) {
	}

	/**
	 * An account's rate limiter.
	 * @param accountId the account
	 * @param availablePermits reads the permits a request could take now, or {@code null} with pacing off
	 * @param pauses reads how many times an account-wide 429 paused the account
	 */
	default void rateLimiter(String accountId, @Nullable IntSupplier availablePermits, LongSupplier pauses) {
	}

	/**
	 * Cloudflare accepted messages.
	 * @param queueName the queue's name
	 * @param messages how many
	 */
	default void pushed(String queueName, int messages) {
	}

	/**
	 * Pushes failed: their callers got an exception.
	 * @param queueName the queue's name
	 * @param operation {@link QueueOperation#PUSH} or {@link QueueOperation#BATCH_PUSH}
	 * @param messages how many messages failed
	 * @param error what their callers got
	 */
	default void failed(String queueName, QueueOperation operation, int messages, Throwable error) {
	}

	/**
	 * A request failed and is about to be tried again.
	 * @param queueName the queue's name
	 * @param operation the request's operation
	 * @param cause why it failed
	 */
	default void retried(String queueName, QueueOperation operation, Throwable cause) {
	}

	/**
	 * Flow control refused a push.
	 * @param queueName the queue's name
	 * @param reason {@link CloudflareQueuesMeters#FLOW_FULL}, {@link CloudflareQueuesMeters#FLOW_MAX_WAITING} or
	 * {@link CloudflareQueuesMeters#FLOW_MAX_WAIT}
	 */
	default void flowControlRejected(String queueName, String reason) {
	}

	/**
	 * A request got its rate-limit permit.
	 * @param accountId the account
	 * @param waitNanos how long it waited, pauses included
	 */
	default void permitWaited(String accountId, long waitNanos) {
	}

	/**
	 * A request was refused before it was sent: its permit was further away than the longest wait allowed.
	 * @param accountId the account
	 */
	default void permitRefused(String accountId) {
	}

	/**
	 * An auto-batching publisher sent a batch.
	 * @param queueName the queue's name
	 * @param messages how many messages it carried
	 * @param reason why it left: {@link CloudflareQueuesMeters#BATCH_COUNT}, {@link CloudflareQueuesMeters#BATCH_BYTES},
	 * {@link CloudflareQueuesMeters#BATCH_TIME} or {@link CloudflareQueuesMeters#BATCH_FLUSH}
	 */
	default void batchSent(String queueName, int messages, String reason) {
	}

	/**
	 * A pull leased messages.
	 * @param queueName the queue's name
	 * @param messages how many, possibly none
	 */
	default void pulled(String queueName, int messages) {
	}

	/**
	 * Cloudflare confirmed settlements.
	 * @param queueName the queue's name
	 * @param acknowledged how many acknowledgements
	 * @param retried how many retries
	 */
	default void settled(String queueName, int acknowledged, int retried) {
	}

	/**
	 * A listener finished handling a message, or a batch.
	 * @param queueName the queue's name
	 * @param listenerId the listener's id
	 * @param nanos how long it took
	 * @param error how it failed, or {@code null}
	 */
	default void handled(String queueName, String listenerId, long nanos, @Nullable Throwable error) {
	}

	/**
	 * A listener failed a message on its last delivery: Cloudflare now dead-letters or drops it.
	 * @param queueName the queue's name
	 * @param listenerId the listener's id
	 */
	default void lastDeliveryFailed(String queueName, String listenerId) {
	}

	/**
	 * A listener handled a message past the end of its lease.
	 * @param queueName the queue's name
	 * @param listenerId the listener's id
	 */
	default void leaseOverrun(String queueName, String listenerId) {
	}

	/**
	 * The client is closed: nothing more is reported, and what was registered may go.
	 */
	default void close() {
	}

}
