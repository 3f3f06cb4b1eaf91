package io.github.cfqueues.client.internal.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.cfqueues.client.BodySerializer;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.error.ConsumerClosedException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.internal.admin.HttpPullSetup;
import io.github.cfqueues.client.internal.api.PulledMessage;
import io.github.cfqueues.client.internal.observe.QueueInstrumentation;
import io.github.cfqueues.client.internal.publish.GracefulShutdown;
import io.github.cfqueues.client.internal.publish.QueueSender;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Pulls one queue's messages and gathers their settlements. Pulls and settlements take no rate-limit permit
 * (Cloudflare does not count them); both are retried under the retry policy.
 */
public final class DefaultQueueConsumer implements QueueConsumer, GracefulShutdown {

	private final QueueSender sender;

	private final QueueConsumerOptions options;

	private final BodySerializer serializer;

	private final AckBatcher settlements;

	private final Clock clock;

	private final @Nullable HttpPullSetup setup;

	private volatile boolean closed;

	/**
	 * Creates the consumer.
	 * @param sender sends the queue's requests
	 * @param options the options
	 * @param serializer reads json bodies
	 * @param setup creates the queue's HTTP pull consumer before the first pull, or {@code null} when not asked to
	 */
	public DefaultQueueConsumer(QueueSender sender, QueueConsumerOptions options, BodySerializer serializer,
			@Nullable HttpPullSetup setup) {
		this(sender, options, serializer, setup, Clock.systemUTC(), Schedulers.parallel());
	}

	DefaultQueueConsumer(QueueSender sender, QueueConsumerOptions options, BodySerializer serializer,
			@Nullable HttpPullSetup setup, Clock clock, Scheduler timer) {
		this.setup = setup;
		this.sender = Objects.requireNonNull(sender, "sender must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.serializer = Objects.requireNonNull(serializer, "serializer must not be null");
		this.settlements = new AckBatcher(sender, options.ackMaxWait(), timer);
		this.clock = clock;
	}

	@Override
	public String queueName() {
		return this.sender.endpoint().name();
	}

	@Override
	public QueueConsumerOptions options() {
		return this.options;
	}

	String queueId() {
		return this.sender.endpoint().queueId();
	}

	BodySerializer serializer() {
		return this.serializer;
	}

	@Override
	public Mono<List<ReceivedMessage>> pull() {
		return pull(this.options.batchSize(), this.options.visibilityTimeout());
	}

	@Override
	public Mono<List<ReceivedMessage>> pull(int batchSize, Duration visibilityTimeout) {
		QueueConsumerOptions.checkBatchSize(batchSize);
		QueueConsumerOptions.checkVisibilityTimeout(visibilityTimeout);
		return this.sender.instrumentation().withCallerParent(Mono.defer(() -> {
			if (this.closed) {
				return Mono.error(new ConsumerClosedException("The consumer is shut down: nothing was pulled",
						FailureDetails.noResponse("pull", queueName(), queueId()), null));
			}
			Mono<Void> ready = (this.setup != null) ? this.setup.ensure() : Mono.empty();
			return ready.then(Mono.defer(() -> {
				Instant leaseExpiresAt = this.clock.instant().plus(visibilityTimeout);
				return this.sender.pull(batchSize, visibilityTimeout).map((response) -> {
					List<ReceivedMessage> messages = new ArrayList<>(response.messages().size());
					for (PulledMessage message : response.messages()) {
						messages.add(new LeasedMessage(message, leaseExpiresAt, this));
					}
					return messages;
				});
			}));
		}));
	}

	Mono<Void> settle(String messageId, String leaseId, boolean retry, @Nullable Duration delay,
			Instant leaseExpiresAt) {
		return this.settlements.settle(messageId, leaseId, retry, delay, leaseExpiresAt);
	}

	/**
	 * What observes and remembers this consumer's queue, for a listener container that pulls through it.
	 * @return the instrumentation
	 */
	public QueueInstrumentation instrumentation() {
		return this.sender.instrumentation();
	}

	@Override
	public Mono<Void> flush() {
		return this.settlements.flush();
	}

	/**
	 * Refuses new pulls and settlements, sends the settlements gathered so far, and waits for their answers
	 * within the timeout.
	 * @param timeout the timeout
	 * @return completes when done
	 */
	@Override
	public Mono<Void> shutdown(Duration timeout) {
		return Mono.defer(() -> {
			this.closed = true;
			return this.settlements.shutdown(timeout);
		});
	}

	@Override
	public String toString() {
		return "DefaultQueueConsumer[" + this.sender.endpoint() + ", " + this.options + "]";
	}

}
