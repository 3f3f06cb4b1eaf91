package io.github.cfqueues.client.internal.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.admin.ConsumerInfo;
import io.github.cfqueues.client.admin.HttpPullConsumerSettings;
import io.github.cfqueues.client.admin.PurgeStatus;
import io.github.cfqueues.client.admin.QueueInfo;
import io.github.cfqueues.client.admin.QueuePage;
import io.github.cfqueues.client.admin.QueueSettingsUpdate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * The binding to the queue, purge and consumer endpoints of one account. Each method makes exactly one request when
 * subscribed (retries and rate-limit permits are the caller's) through {@link CloudflareQueuesApi}, and so shares its
 * timeout, envelope reading and error model. Ids and names are checked by the caller.
 */
public final class AdminApi {

	private static final String CONSUMER = "/consumers/{consumer_id}";

	private final CloudflareQueuesApi api;

	private final String accountId;

	private final CloudflareCredentials credentials;

	private final AdminBodies bodies = new AdminBodies(JsonMapper.builder().build());

	public AdminApi(CloudflareQueuesApi api, String accountId, CloudflareCredentials credentials) {
		this.api = Objects.requireNonNull(api, "api must not be null");
		this.accountId = Objects.requireNonNull(accountId, "accountId must not be null");
		this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
	}

	/**
	 * The account.
	 * @return its id
	 */
	public String accountId() {
		return this.accountId;
	}

	/**
	 * {@code GET /queues?page=&per_page=}.
	 * @param page the page, from 1
	 * @param perPage the page size
	 * @return the page
	 */
	public Mono<QueuePage> listQueues(int page, int perPage) {
		return call(HttpMethod.GET, "?page=" + page + "&per_page=" + perPage, "", "queue list", "", "", null,
				(envelope) -> AdminResultReader.page(envelope.result(), envelope.resultInfo(), page, perPage));
	}

	/**
	 * {@code POST /queues}.
	 * @param queueName the new queue's name
	 * @return the queue
	 */
	public Mono<QueueInfo> createQueue(String queueName) {
		return call(HttpMethod.POST, "", "", "queue creation", queueName, "", this.bodies.newQueue(queueName),
				(envelope) -> AdminResultReader.queue(envelope.result()));
	}

	/**
	 * {@code GET /queues/{queue_id}}.
	 * @param queueId the queue
	 * @return the queue
	 */
	public Mono<QueueInfo> getQueue(String queueId) {
		return onQueue(HttpMethod.GET, queueId, "", "queue read", null,
				(envelope) -> AdminResultReader.queue(envelope.result()));
	}

	/**
	 * {@code PATCH /queues/{queue_id}} with the settings to change.
	 * @param queueId the queue
	 * @param update the change
	 * @return the queue as changed
	 */
	public Mono<QueueInfo> updateQueue(String queueId, QueueSettingsUpdate update) {
		return onQueue(HttpMethod.PATCH, queueId, "", "queue update", this.bodies.settingsUpdate(update),
				(envelope) -> AdminResultReader.queue(envelope.result()));
	}

	/**
	 * {@code DELETE /queues/{queue_id}}.
	 * @param queueId the queue
	 * @return completes when deleted
	 */
	public Mono<Void> deleteQueue(String queueId) {
		return onQueue(HttpMethod.DELETE, queueId, "", "queue deletion", null, (envelope) -> envelope).then();
	}

	/**
	 * {@code POST /queues/{queue_id}/purge} with {@code {"delete_messages_permanently": true}}.
	 * @param queueId the queue
	 * @return completes when the purge started
	 */
	public Mono<Void> purge(String queueId) {
		return onQueue(HttpMethod.POST, queueId, "/purge", "purge", this.bodies.purge(), (envelope) -> envelope)
			.then();
	}

	/**
	 * {@code GET /queues/{queue_id}/purge}.
	 * @param queueId the queue
	 * @return the status of its latest purge
	 */
	public Mono<PurgeStatus> purgeStatus(String queueId) {
		return onQueue(HttpMethod.GET, queueId, "/purge", "purge status", null,
				(envelope) -> AdminResultReader.purgeStatus(envelope.result()));
	}

	/**
	 * {@code GET /queues/{queue_id}/consumers}.
	 * @param queueId the queue
	 * @return its consumers
	 */
	public Mono<List<ConsumerInfo>> listConsumers(String queueId) {
		return onQueue(HttpMethod.GET, queueId, "/consumers", "consumer list", null,
				(envelope) -> AdminResultReader.consumers(envelope.result()));
	}

	/**
	 * {@code GET /queues/{queue_id}/consumers/{consumer_id}}.
	 * @param queueId the queue
	 * @param consumerId the consumer
	 * @return the consumer
	 */
	public Mono<ConsumerInfo> getConsumer(String queueId, String consumerId) {
		return onQueue(HttpMethod.GET, queueId, "/consumers/" + consumerId, CONSUMER, "consumer read", null,
				(envelope) -> AdminResultReader.consumer(envelope.result()));
	}

	/**
	 * {@code POST /queues/{queue_id}/consumers} with an {@code http_pull} consumer.
	 * @param queueId the queue
	 * @param settings the consumer's settings
	 * @return the consumer
	 */
	public Mono<ConsumerInfo> createHttpPullConsumer(String queueId, HttpPullConsumerSettings settings) {
		return onQueue(HttpMethod.POST, queueId, "/consumers", "consumer creation",
				this.bodies.httpPullConsumer(settings), (envelope) -> AdminResultReader.consumer(envelope.result()));
	}

	/**
	 * {@code PUT /queues/{queue_id}/consumers/{consumer_id}} with an {@code http_pull} consumer.
	 * @param queueId the queue
	 * @param consumerId the consumer
	 * @param settings the consumer's settings
	 * @return the consumer
	 */
	public Mono<ConsumerInfo> updateHttpPullConsumer(String queueId, String consumerId,
			HttpPullConsumerSettings settings) {
		return onQueue(HttpMethod.PUT, queueId, "/consumers/" + consumerId, CONSUMER, "consumer update",
				this.bodies.httpPullConsumer(settings), (envelope) -> AdminResultReader.consumer(envelope.result()));
	}

	/**
	 * {@code DELETE /queues/{queue_id}/consumers/{consumer_id}}.
	 * @param queueId the queue
	 * @param consumerId the consumer
	 * @return completes when deleted
	 */
	public Mono<Void> deleteConsumer(String queueId, String consumerId) {
		return onQueue(HttpMethod.DELETE, queueId, "/consumers/" + consumerId, CONSUMER, "consumer deletion", null,
				(envelope) -> envelope)
			.then();
	}

	private <T> Mono<T> onQueue(HttpMethod method, String queueId, String path, String operation,
			byte @Nullable [] body, Function<ApiEnvelope, T> read) {
		return onQueue(method, queueId, path, path, operation, body, read);
	}

	private <T> Mono<T> onQueue(HttpMethod method, String queueId, String path, String pathTemplate,
			String operation, byte @Nullable [] body, Function<ApiEnvelope, T> read) {
		return call(method, "/" + queueId + path, "/{queue_id}" + pathTemplate, operation, queueId, queueId, body,
				read);
	}

	private <T> Mono<T> call(HttpMethod method, String path, String pathTemplate, String operation,
			String queueName, String queueId, byte @Nullable [] body, Function<ApiEnvelope, T> read) {
		return Mono.defer(() -> {
			URI uri = this.api.accountUri(this.accountId, path);
			ApiCall call = new ApiCall(method, uri, CloudflareQueuesApi.accountTemplate(pathTemplate),
					this.credentials, operation, queueName, queueId);
			return this.api.exchange(call, body, read);
		});
	}

	@Override
	public String toString() {
		return "AdminApi[accountId=" + this.accountId + "]";
	}

}
