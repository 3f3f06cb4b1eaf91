package io.github.cfqueues.client.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A consumer of a queue as Cloudflare describes it: an HTTP pull consumer, or a Worker. Each setting is
 * {@code null} when the answer did not carry it.
 *
 * @param consumerId the consumer's id
 * @param type {@value #HTTP_PULL} or {@code worker}
 * @param scriptName the Worker's name, for a Worker consumer
 * @param createdOn when the consumer was created
 * @param batchSize how many messages a pull that names no batch size gets (HTTP pull), or a Worker's batch size
 * @param maxRetries how many times a message is delivered again before it goes to the dead-letter queue or is
 * dropped
 * @param retryDelay how long a message retried without a delay of its own waits
 * @param visibilityTimeout how long a pull that names no visibility timeout leases its messages (HTTP pull)
 * @param deadLetterQueue the name of the queue that takes messages out of retries, or {@code null} when none
 */
public record ConsumerInfo(String consumerId, String type, @Nullable String scriptName, @Nullable Instant createdOn,
		@Nullable Integer batchSize, @Nullable Integer maxRetries, @Nullable Duration retryDelay,
		@Nullable Duration visibilityTimeout, @Nullable String deadLetterQueue) {

	/**
	 * The type of an HTTP pull consumer.
	 */
	public static final String HTTP_PULL = "http_pull";

	public ConsumerInfo {
		Objects.requireNonNull(consumerId, "consumerId must not be null");
		Objects.requireNonNull(type, "type must not be null");
	}

	/**
	 * Whether this is an HTTP pull consumer.
	 * @return {@code true} for type {@value #HTTP_PULL}
	 */
	public boolean isHttpPull() {
		return HTTP_PULL.equals(this.type);
	}

}
