package io.github.cfqueues.client.admin;

import java.util.List;

import io.github.cfqueues.client.QueueMetrics;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Manages the queues of one Cloudflare account and their consumers. Every call is checked before its request, is
 * retried and takes an account rate-limit permit as a push does, and fails with a
 * {@link io.github.cfqueues.client.error.CloudflareQueuesException}. Nothing happens until the result is
 * subscribed to. The credentials need "Queues Read" to read and "Queues Write" to change anything.
 * <pre>{@code
 * QueueInfo orders = admin.getQueueByName("orders").block();
 * admin.createHttpPullConsumer(orders.queueId(), HttpPullConsumerSettings.DEFAULTS).block();
 * }</pre>
 */
public interface QueueAdmin {

	/**
	 * How many queues a page of {@link #listQueues()} asks for.
	 */
	int PAGE_SIZE = 100;

	/**
	 * The account whose queues this manages.
	 * @return the account id
	 */
	String accountId();

	/**
	 * Every queue of the account, page after page as they are read (one request per {@value #PAGE_SIZE} queues).
	 * @return the queues
	 */
	Flux<QueueInfo> listQueues();

	/**
	 * One page of the account's queues.
	 * @param page the page's number, from 1
	 * @param perPage how many queues a page holds, from 1 to 1,000
	 * @return the page
	 */
	Mono<QueuePage> listQueues(int page, int perPage);

	/**
	 * A queue by its id.
	 * @param queueId the queue's id
	 * @return the queue; a {@link io.github.cfqueues.client.error.QueueNotFoundException} when there is none
	 */
	Mono<QueueInfo> getQueue(String queueId);

	/**
	 * A queue by its name, read through the list of the account's queues.
	 * @param queueName the queue's name
	 * @return the queue; a {@link io.github.cfqueues.client.error.QueueNotFoundException} naming the account's
	 * queues (the first 20) when none has that name
	 */
	Mono<QueueInfo> getQueueByName(String queueName);

	/**
	 * The id of a queue by its name, looked up once and then remembered for the life of the client (an id never
	 * changes; a queue deleted and created again under the same name gets a new one, which a new client learns).
	 * @param queueName the queue's name
	 * @return the id; a {@link io.github.cfqueues.client.error.QueueNotFoundException} naming the account's queues
	 * (the first 20) when none has that name
	 */
	Mono<String> queueId(String queueName);

	/**
	 * Creates a queue.
	 * @param queueName its name: 1 to 63 letters, digits, {@code -} or {@code _}
	 * @return the new queue
	 */
	Mono<QueueInfo> createQueue(String queueName);

	/**
	 * Changes some of a queue's settings, keeping the others.
	 * @param queueId the queue's id
	 * @param update the settings to change
	 * @return the queue as changed
	 */
	Mono<QueueInfo> updateQueue(String queueId, QueueSettingsUpdate update);

	/**
	 * Deletes a queue and every message in it.
	 * @param queueId the queue's id
	 * @return completes when Cloudflare confirmed
	 */
	Mono<Void> deleteQueue(String queueId);

	/**
	 * Starts deleting every message of a queue, permanently ({@code delete_messages_permanently}); the queue and its
	 * consumers stay. Cloudflare purges in the background: {@link #purgeStatus(String)} says when it is done.
	 * @param queueId the queue's id
	 * @return completes when the purge was started
	 */
	Mono<Void> purge(String queueId);

	/**
	 * The state of a queue's latest purge.
	 * @param queueId the queue's id
	 * @return the status
	 */
	Mono<PurgeStatus> purgeStatus(String queueId);

	/**
	 * A queue's backlog.
	 * @param queueId the queue's id
	 * @return the metrics
	 */
	Mono<QueueMetrics> metrics(String queueId);

	/**
	 * A queue's consumers: at most one HTTP pull consumer, or Workers.
	 * @param queueId the queue's id
	 * @return the consumers, possibly none
	 */
	Mono<List<ConsumerInfo>> listConsumers(String queueId);

	/**
	 * One consumer of a queue.
	 * @param queueId the queue's id
	 * @param consumerId the consumer's id
	 * @return the consumer; a {@link io.github.cfqueues.client.error.QueueNotFoundException} when there is none
	 */
	Mono<ConsumerInfo> getConsumer(String queueId, String consumerId);

	/**
	 * Enables HTTP pull on a queue by creating its HTTP pull consumer (a queue has either a Worker consumer or an
	 * HTTP pull consumer). Pulls may fail for a moment right after.
	 * @param queueId the queue's id
	 * @param settings the consumer's settings
	 * @return the new consumer
	 */
	Mono<ConsumerInfo> createHttpPullConsumer(String queueId, HttpPullConsumerSettings settings);

	/**
	 * Replaces the settings of a queue's HTTP pull consumer; settings left unset return to Cloudflare's defaults.
	 * @param queueId the queue's id
	 * @param consumerId the consumer's id
	 * @param settings the consumer's settings
	 * @return the consumer as changed
	 */
	Mono<ConsumerInfo> updateHttpPullConsumer(String queueId, String consumerId, HttpPullConsumerSettings settings);

	/**
	 * Deletes a consumer of a queue; for an HTTP pull consumer this disables pulling from the queue.
	 * @param queueId the queue's id
	 * @param consumerId the consumer's id
	 * @return completes when Cloudflare confirmed
	 */
	Mono<Void> deleteConsumer(String queueId, String consumerId);

}
