package io.github.cfqueues.client;

import java.util.List;

import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.InvalidMessageException;
import reactor.core.publisher.Mono;

/**
 * Pushes messages to one Cloudflare queue.
 * <p>
 * Every method returns a cold {@link Mono}: nothing is sent until it is subscribed to, and each subscription sends
 * anew. Failures arrive in the {@code Mono} as a {@link CloudflareQueuesException}; a message that breaks a limit
 * fails with an {@link InvalidMessageException} before any request. Transient failures are retried under the
 * configured policy, so a message can be delivered twice: Cloudflare Queues deliver at least once, and consumers
 * should tolerate duplicates (carry your own id in the body).
 * <p>
 * From blocking code (Spring MVC, virtual threads) call {@code push(...).block(timeout)}.
 * <p>
 * A {@code null} argument is a programming error, not a failed push: every method throws a
 * {@link NullPointerException} at once, before returning a {@code Mono}; for a {@code null} element of
 * {@link #pushBatch(List)} the message names its index.
 */
public interface QueuePublisher {

	/**
	 * The name of this publisher's queue in the application ({@code default} for the top-level queue).
	 * @return the name
	 */
	String queueName();

	/**
	 * Pushes one message.
	 * @param message the message
	 * @return Cloudflare's answer, with the queue's backlog metrics when it sent them
	 */
	Mono<MessagePushResponse> push(QueueMessage message);

	/**
	 * Pushes a text message.
	 * @param text the body
	 * @return Cloudflare's answer
	 * @see QueueMessage#text(String)
	 */
	default Mono<MessagePushResponse> pushText(String text) {
		return push(QueueMessage.text(text));
	}

	/**
	 * Pushes an object serialized to JSON by the application's JSON mapper.
	 * @param payload the object
	 * @return Cloudflare's answer
	 * @see QueueMessage#json(Object)
	 */
	default Mono<MessagePushResponse> pushJson(Object payload) {
		return push(QueueMessage.json(payload));
	}

	/**
	 * Pushes messages together. Every message is checked first: one that breaks a limit fails the call with an
	 * {@link InvalidMessageException} naming its index, and nothing is sent. The messages then travel in as few
	 * requests as Cloudflare's batch limits allow (100 messages and 256,000 bytes each), one after another, in
	 * order. If a request fails for good, the call fails with a {@link BatchPushException} that lists which
	 * messages were delivered and which were not.
	 * @param messages the messages; an empty list completes at once and sends nothing
	 * @return the answers, one per request
	 */
	Mono<BatchPushResponse> pushBatch(List<QueueMessage> messages);

	/**
	 * Sends whatever this publisher has gathered and not yet sent, and completes when every message pushed before
	 * the call has its answer. A publisher that gathers nothing completes at once.
	 * @return the completion
	 */
	default Mono<Void> flush() {
		return Mono.empty();
	}

}
