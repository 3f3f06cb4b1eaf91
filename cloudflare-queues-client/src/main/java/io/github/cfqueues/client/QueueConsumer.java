package io.github.cfqueues.client;

import java.time.Duration;
import java.util.List;

import io.github.cfqueues.client.error.CloudflareQueuesException;
import reactor.core.publisher.Mono;

/**
 * Takes messages out of one Cloudflare queue over HTTP pull: each pull leases messages for a visibility timeout,
 * during which they are delivered to no one else; acknowledge each ({@link ReceivedMessage#ack()}) or ask for it to
 * be delivered again ({@link ReceivedMessage#retry(Duration)}) before its lease ends, or it comes back by itself.
 * <p>
 * Delivery is at least once: a message whose lease runs out, or whose acknowledgement is lost, is delivered again,
 * so handle messages idempotently. Pulls do not wait for messages: an empty queue answers at once with none (and
 * each pull is a billed read: back off when idle). Pulls and acknowledgements do not count against the account's API
 * rate limit. The queue needs an HTTP pull consumer ({@code wrangler queues consumer http add <queue>}).
 * <p>
 * Acknowledgements and retries of many messages are gathered into as few requests as Cloudflare allows (100 leases
 * each), sent within the consumer's {@link QueueConsumerOptions#ackMaxWait() ack max-wait}. Every method returns a
 * cold {@link Mono}; failures arrive as a {@link CloudflareQueuesException}. A {@code null} argument or a value
 * outside Cloudflare's limits throws at the call.
 */
public interface QueueConsumer {

	/**
	 * The name of this consumer's queue in the application ({@code default} for the top-level queue).
	 * @return the name
	 */
	String queueName();

	/**
	 * The consumer's options: its pulls' batch size and visibility timeout, among others.
	 * @return the options
	 */
	QueueConsumerOptions options();

	/**
	 * Leases up to the consumer's batch size of messages for its visibility timeout.
	 * @return the leased messages, in the order Cloudflare sent them; empty when none is waiting
	 */
	Mono<List<ReceivedMessage>> pull();

	/**
	 * Leases messages.
	 * @param batchSize the most messages, from 1 to {@value QueueLimits#MAX_PULL_BATCH}
	 * @param visibilityTimeout how long they stay leased: positive, whole milliseconds, at most 12 hours
	 * @return the leased messages, in the order Cloudflare sent them; empty when none is waiting
	 * @throws IllegalArgumentException if a value is outside Cloudflare's limits
	 */
	Mono<List<ReceivedMessage>> pull(int batchSize, Duration visibilityTimeout);

	/**
	 * Sends the acknowledgements and retries gathered so far at once, and completes when each has its answer.
	 * @return the completion
	 */
	Mono<Void> flush();

}
