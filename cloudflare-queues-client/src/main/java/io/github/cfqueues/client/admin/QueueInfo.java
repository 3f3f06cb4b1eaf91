package io.github.cfqueues.client.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A queue as Cloudflare describes it.
 *
 * @param queueId the queue's id, the one its publishers and consumers use
 * @param queueName the queue's name, as {@code wrangler} shows it
 * @param createdOn when the queue was created, or {@code null} when not reported
 * @param modifiedOn when the queue was last changed, or {@code null} when not reported
 * @param settings its settings
 * @param consumers its consumers, as far as the answer listed them
 */
public record QueueInfo(String queueId, String queueName, @Nullable Instant createdOn, @Nullable Instant modifiedOn,
		QueueSettings settings, List<ConsumerInfo> consumers) {

	public QueueInfo {
		Objects.requireNonNull(queueId, "queueId must not be null");
		Objects.requireNonNull(queueName, "queueName must not be null");
		Objects.requireNonNull(settings, "settings must not be null");
		consumers = List.copyOf(consumers);
	}

	/**
	 * Whether the queue has an HTTP pull consumer, so that messages can be pulled from it.
	 * @return {@code true} if one of its consumers is of type {@code http_pull}
	 */
	public boolean hasHttpPullConsumer() {
		return this.consumers.stream().anyMatch(ConsumerInfo::isHttpPull);
	}

}
