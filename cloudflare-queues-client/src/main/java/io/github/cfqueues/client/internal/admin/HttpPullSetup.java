package io.github.cfqueues.client.internal.admin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.admin.ConsumerInfo;
import io.github.cfqueues.client.admin.HttpPullConsumerSettings;
import io.github.cfqueues.client.admin.QueueAdmin;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.QueueRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Makes sure a queue has an HTTP pull consumer before the first pull, creating one when it has none. Runs once for
 * all pullers that ask at the same time, and once done is not run again; a failed run is tried again by the next
 * pull. When another process created the consumer first, its creation fails and the set-up finds that consumer.
 */
public final class HttpPullSetup {

	private static final Logger logger = LoggerFactory.getLogger(HttpPullSetup.class);

	private static final String OPERATION = "HTTP pull set-up";

	private final QueueAdmin admin;

	private final QueueEndpoint endpoint;

	private final HttpPullConsumerSettings settings;

	private final SingleFlight<Boolean> run = new SingleFlight<>();

	private volatile boolean done;

	public HttpPullSetup(QueueAdmin admin, QueueEndpoint endpoint, HttpPullConsumerSettings settings) {
		this.admin = Objects.requireNonNull(admin, "admin must not be null");
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
	}

	/**
	 * Completes once the queue has an HTTP pull consumer.
	 * @return completes when it has one; fails when it has a Worker consumer or the calls fail
	 */
	public Mono<Void> ensure() {
		return Mono.defer(() -> this.done ? Mono.empty() : this.run.join(this::setUp).then());
	}

	private Mono<Boolean> setUp() {
		String queueId = this.endpoint.queueId();
		return this.admin.listConsumers(queueId).flatMap((consumers) -> {
			if (httpPull(consumers).isPresent()) {
				return Mono.just(true);
			}
			failIfWorker(consumers);
			return this.admin.createHttpPullConsumer(queueId, this.settings)
				.doOnNext(this::logCreated)
				.thenReturn(true)
				.onErrorResume(CloudflareQueuesException.class, (ex) -> createdElsewhere(ex));
		}).doOnNext((ready) -> this.done = true);
	}

	private Mono<Boolean> createdElsewhere(CloudflareQueuesException failure) {
		return this.admin.listConsumers(this.endpoint.queueId())
			.onErrorResume((ex) -> Mono.error(failure))
			.flatMap((consumers) -> httpPull(consumers).isPresent() ? Mono.just(true) : Mono.error(failure));
	}

	private void failIfWorker(List<ConsumerInfo> consumers) {
		consumers.stream().filter((consumer) -> !consumer.isHttpPull()).findFirst().ifPresent((worker) -> {
			String script = (worker.scriptName() != null) ? " '" + worker.scriptName() + "'" : "";
			throw new QueueRequestException("The queue has a Worker consumer" + script + ", and a queue has either a "
					+ "Worker consumer or an HTTP pull consumer: no HTTP pull consumer was created, and messages "
					+ "cannot be pulled. Remove the Worker consumer, or pull from another queue",
					FailureDetails.noResponse(OPERATION, this.endpoint.name(), this.endpoint.queueId()), null);
		});
	}

	private static Optional<ConsumerInfo> httpPull(List<ConsumerInfo> consumers) {
		return consumers.stream().filter(ConsumerInfo::isHttpPull).findFirst();
	}

	private void logCreated(ConsumerInfo consumer) {
		logger.info("Created the HTTP pull consumer {} of queue '{}' (id {}, account {}) with batch size {}, "
				+ "max retries {}, retry delay {}, visibility timeout {}, dead-letter queue {}, as create-if-missing "
				+ "asked", consumer.consumerId(), this.endpoint.name(), this.endpoint.queueId(),
				this.endpoint.accountId(), consumer.batchSize(), consumer.maxRetries(), consumer.retryDelay(),
				consumer.visibilityTimeout(),
				(consumer.deadLetterQueue() != null) ? consumer.deadLetterQueue() : "none");
	}

}
