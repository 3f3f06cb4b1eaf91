package io.github.cfqueues.client.internal.admin;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.admin.ConsumerInfo;
import io.github.cfqueues.client.admin.HttpPullConsumerSettings;
import io.github.cfqueues.client.admin.PurgeStatus;
import io.github.cfqueues.client.admin.QueueAdmin;
import io.github.cfqueues.client.admin.QueueInfo;
import io.github.cfqueues.client.admin.QueueNames;
import io.github.cfqueues.client.admin.QueuePage;
import io.github.cfqueues.client.admin.QueueSettingsUpdate;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.internal.api.AdminApi;
import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.internal.publish.QueueSender;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link QueueAdmin} of one account: arguments checked before any request, each request sent through a
 * {@link QueueSender} (a rate-limit permit per attempt, retried as a push is), the list read page by page, and
 * queue ids looked up by name remembered.
 */
public final class DefaultQueueAdmin implements QueueAdmin {

	/**
	 * How many of an account's queue names an error lists at most.
	 */
	static final int MAX_NAMES_SHOWN = 20;

	private static final int MAX_PER_PAGE = 1000;

	/**
	 * A bound on paging, should answers keep saying that more pages follow: 100,000 queues in pages of 100, ten
	 * times Cloudflare's limit per account.
	 */
	private static final int MAX_PAGES = 1_000;

	private final AdminApi api;

	private final CloudflareQueuesApi queuesApi;

	private final CloudflareCredentials credentials;

	private final RequestGate gate;

	private final RetryPolicy retryPolicy;

	private final RetryListener retryListener;

	private final QueueSender accountSender;

	private final Map<String, String> idsByName = new ConcurrentHashMap<>();

	private final SingleFlight<List<QueueInfo>> listing = new SingleFlight<>();

	public DefaultQueueAdmin(CloudflareQueuesApi queuesApi, String accountId, CloudflareCredentials credentials,
			RequestGate gate, RetryPolicy retryPolicy, RetryListener retryListener) {
		this.queuesApi = Objects.requireNonNull(queuesApi, "queuesApi must not be null");
		this.api = new AdminApi(queuesApi, accountId, credentials);
		this.credentials = credentials;
		this.gate = Objects.requireNonNull(gate, "gate must not be null");
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
		this.retryListener = Objects.requireNonNull(retryListener, "retryListener must not be null");
		this.accountSender = sender(QueueEndpoint.ofAccount(accountId, credentials));
	}

	@Override
	public String accountId() {
		return this.api.accountId();
	}

	/**
	 * Reads page after page while the answers say more follow; stops at a page that brings no queue not seen before
	 * (an answer that ignored the page asked for), so that paging never loops on the account's rate limit.
	 */
	@Override
	public Flux<QueueInfo> listQueues() {
		return Flux.defer(() -> {
			Set<String> seen = new HashSet<>();
			return fetch(1).expand((fetched) -> (fetched.page().hasNext() && fetched.number() < MAX_PAGES)
					? fetch(fetched.number() + 1) : Mono.empty())
				.takeWhile((fetched) -> addsUnseen(seen, fetched.page()) || fetched.number() == 1)
				.concatMapIterable((fetched) -> fetched.page().queues())
				.distinct(QueueInfo::queueId);
		});
	}

	private static boolean addsUnseen(Set<String> seen, QueuePage page) {
		boolean unseen = false;
		for (QueueInfo queue : page.queues()) {
			unseen |= seen.add(queue.queueId());
		}
		return unseen;
	}

	private Mono<Fetched> fetch(int number) {
		return listQueues(number, PAGE_SIZE).map((page) -> new Fetched(number, page));
	}

	@Override
	public Mono<QueuePage> listQueues(int page, int perPage) {
		if (page < 1) {
			throw new IllegalArgumentException("The page must be 1 or more, got " + page);
		}
		if (perPage < 1 || perPage > MAX_PER_PAGE) {
			throw new IllegalArgumentException("The page size must be from 1 to " + MAX_PER_PAGE + ", got " + perPage);
		}
		return this.accountSender.send("queue list", this.api.listQueues(page, perPage));
	}

	@Override
	public Mono<QueueInfo> getQueue(String queueId) {
		return onQueue(queueId).send("queue read", this.api.getQueue(queueId));
	}

	@Override
	public Mono<QueueInfo> getQueueByName(String queueName) {
		QueueNames.check(queueName, "The queue name");
		return allQueues().flatMap((queues) -> queues.stream()
			.filter((queue) -> queue.queueName().equals(queueName))
			.findFirst()
			.map(Mono::just)
			.orElseGet(() -> Mono.error(notFound(queueName, queues))));
	}

	@Override
	public Mono<String> queueId(String queueName) {
		QueueNames.check(queueName, "The queue name");
		return Mono.defer(() -> {
			String known = this.idsByName.get(queueName);
			return (known != null) ? Mono.just(known) : getQueueByName(queueName).map(QueueInfo::queueId);
		});
	}

	/**
	 * Every queue of the account, read once for all callers that ask while a read is under way; the ids learnt
	 * are remembered by name.
	 */
	private Mono<List<QueueInfo>> allQueues() {
		return this.listing.join(() -> listQueues().collectList().doOnNext(this::remember));
	}

	private void remember(List<QueueInfo> queues) {
		queues.forEach((queue) -> this.idsByName.putIfAbsent(queue.queueName(), queue.queueId()));
	}

	private QueueNotFoundException notFound(String queueName, Collection<QueueInfo> queues) {
		String names = queues.stream()
			.limit(MAX_NAMES_SHOWN)
			.map((queue) -> "'" + queue.queueName() + "'")
			.collect(Collectors.joining(", "));
		String shown = queues.isEmpty() ? "it has no queues"
				: "its queues are " + names + ((queues.size() > MAX_NAMES_SHOWN)
						? " and " + (queues.size() - MAX_NAMES_SHOWN) + " more" : "");
		return new QueueNotFoundException("No queue named '" + queueName + "' in account " + accountId() + " ("
				+ shown + ")", FailureDetails.noResponse("queue lookup", queueName, ""), null);
	}

	@Override
	public Mono<QueueInfo> createQueue(String queueName) {
		QueueNames.check(queueName, "The queue name");
		return this.accountSender.send("queue creation", this.api.createQueue(queueName))
			.doOnNext((queue) -> this.idsByName.put(queue.queueName(), queue.queueId()));
	}

	@Override
	public Mono<QueueInfo> updateQueue(String queueId, QueueSettingsUpdate update) {
		Objects.requireNonNull(update, "The update must not be null");
		return onQueue(queueId).send("queue update", this.api.updateQueue(queueId, update));
	}

	@Override
	public Mono<Void> deleteQueue(String queueId) {
		return onQueue(queueId).send("queue deletion", this.api.deleteQueue(queueId))
			.doOnSuccess((done) -> this.idsByName.values().remove(queueId));
	}

	@Override
	public Mono<Void> purge(String queueId) {
		return onQueue(queueId).send("purge", this.api.purge(queueId));
	}

	@Override
	public Mono<PurgeStatus> purgeStatus(String queueId) {
		return onQueue(queueId).send("purge status", this.api.purgeStatus(queueId));
	}

	@Override
	public Mono<QueueMetrics> metrics(String queueId) {
		return onQueue(queueId).metrics();
	}

	@Override
	public Mono<List<ConsumerInfo>> listConsumers(String queueId) {
		return onQueue(queueId).send("consumer list", this.api.listConsumers(queueId));
	}

	@Override
	public Mono<ConsumerInfo> getConsumer(String queueId, String consumerId) {
		QueueEndpoint.checkId(consumerId, "consumer id");
		return onQueue(queueId).send("consumer read", this.api.getConsumer(queueId, consumerId));
	}

	@Override
	public Mono<ConsumerInfo> createHttpPullConsumer(String queueId, HttpPullConsumerSettings settings) {
		Objects.requireNonNull(settings, "The consumer settings must not be null");
		return onQueue(queueId).send("consumer creation", this.api.createHttpPullConsumer(queueId, settings));
	}

	@Override
	public Mono<ConsumerInfo> updateHttpPullConsumer(String queueId, String consumerId,
			HttpPullConsumerSettings settings) {
		QueueEndpoint.checkId(consumerId, "consumer id");
		Objects.requireNonNull(settings, "The consumer settings must not be null");
		return onQueue(queueId).send("consumer update",
				this.api.updateHttpPullConsumer(queueId, consumerId, settings));
	}

	@Override
	public Mono<Void> deleteConsumer(String queueId, String consumerId) {
		QueueEndpoint.checkId(consumerId, "consumer id");
		return onQueue(queueId).send("consumer deletion", this.api.deleteConsumer(queueId, consumerId));
	}

	private QueueSender onQueue(String queueId) {
		QueueEndpoint.checkId(queueId, "queue id");
		return sender(new QueueEndpoint(queueId, accountId(), queueId, this.credentials));
	}

	private QueueSender sender(QueueEndpoint endpoint) {
		return new QueueSender(endpoint, this.queuesApi, this.gate, this.retryPolicy, this.retryListener);
	}

	@Override
	public String toString() {
		return "QueueAdmin[accountId=" + accountId() + "]";
	}

	private record Fetched(int number, QueuePage page) {
	}

}
