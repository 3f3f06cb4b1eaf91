package io.github.cfqueues.client.internal.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueLimits;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.ConsumerClosedException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.MessageAckException;
import io.github.cfqueues.client.internal.api.AckResponse;
import io.github.cfqueues.client.internal.api.LeaseRetry;
import io.github.cfqueues.client.internal.publish.QueueSender;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Gathers the settlements (acknowledgements and retries) of one queue's messages into as few {@code /ack} requests
 * as possible: a request leaves once it holds {@value QueueLimits#MAX_ACK_LEASES} leases, or when the first
 * settlement waiting has waited the max-wait. Each caller learns its own lease's outcome: confirmed, refused by a
 * warning Cloudflare gave for that lease, unconfirmed when warnings name no lease and the counts fall short, or
 * failed with the request.
 */
final class AckBatcher {

	private static final Logger logger = LoggerFactory.getLogger(AckBatcher.class);

	private final QueueSender sender;

	private final Duration maxWait;

	private final Scheduler timer;

	private List<Settlement> pending = new ArrayList<>();

	private final Set<Sinks.Empty<Void>> inFlight = new HashSet<>();

	private Disposable scheduled = Disposables.disposed();

	private boolean closed;

	AckBatcher(QueueSender sender, Duration maxWait, Scheduler timer) {
		this.sender = sender;
		this.maxWait = maxWait;
		this.timer = timer;
	}

	Mono<Void> settle(String messageId, String leaseId, boolean retry, @Nullable Duration delay,
			Instant leaseExpiresAt) {
		return Mono.create((caller) -> {
			Settlement settlement = new Settlement(messageId, leaseId, retry, delay, leaseExpiresAt, caller);
			List<Settlement> full = null;
			synchronized (this) {
				if (this.closed) {
					caller.error(new ConsumerClosedException("The consumer is shut down: the " + settlement.describe()
							+ " was not sent, and the message comes back after its lease (" + leaseExpiresAt + ")",
							details(), null));
					return;
				}
				this.pending.add(settlement);
				if (this.pending.size() >= QueueLimits.MAX_ACK_LEASES) {
					full = takePending();
				}
				else if (this.pending.size() == 1) {
					schedule();
				}
			}
			if (full != null) {
				send(full);
			}
		});
	}

	private void schedule() {
		try {
			this.scheduled = this.timer.schedule(this::onMaxWait, this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			this.scheduled = this.timer.schedule(this::onMaxWait);
		}
	}

	private void onMaxWait() {
		List<Settlement> due;
		synchronized (this) {
			due = takePending();
		}
		send(due);
	}

	private List<Settlement> takePending() {
		List<Settlement> taken = this.pending;
		this.pending = new ArrayList<>();
		this.scheduled.dispose();
		return taken;
	}

	private void send(List<Settlement> settlements) {
		if (settlements.isEmpty()) {
			return;
		}
		List<String> acks = new ArrayList<>();
		List<LeaseRetry> retries = new ArrayList<>();
		for (Settlement settlement : settlements) {
			if (settlement.retry()) {
				retries.add(new LeaseRetry(settlement.leaseId(), settlement.delay()));
			}
			else {
				acks.add(settlement.leaseId());
			}
		}
		Sinks.Empty<Void> answered = Sinks.empty();
		synchronized (this) {
			this.inFlight.add(answered);
		}
		Mono.defer(() -> this.sender.ack(acks, retries)).subscribe((response) -> answer(settlements, response),
				(error) -> {
					fail(settlements, error);
					done(answered);
				}, () -> done(answered));
	}

	private void done(Sinks.Empty<Void> answered) {
		synchronized (this) {
			this.inFlight.remove(answered);
		}
		answered.tryEmitEmpty();
	}

	/**
	 * Completes each caller from the answer. A warning for a lease fails that lease's settlement. Warnings that name
	 * no lease of the request leave the others in doubt: each side (acknowledgements, retries) is confirmed only if
	 * Cloudflare's count for it covers every settlement of that side without a warning of its own, and otherwise
	 * fails, as nothing in the answer says which of them took effect.
	 */
	private void answer(List<Settlement> settlements, AckResponse response) {
		Map<String, String> warnings = response.warnings();
		List<String> unattributed = new ArrayList<>(warnings.values());
		List<Settlement> unwarned = new ArrayList<>(settlements.size());
		for (Settlement settlement : settlements) {
			String warning = warningFor(settlement.leaseId(), warnings);
			if (warning == null) {
				unwarned.add(settlement);
				continue;
			}
			unattributed.remove(warning);
			settlement.caller().error(new MessageAckException("Cloudflare did not confirm the "
					+ settlement.describe() + ": " + warning + "; unless an earlier settlement took effect, the message "
					+ "is delivered again after its lease (" + settlement.leaseExpiresAt() + ")", details(),
					settlement.messageId(), settlement.leaseId(), settlement.leaseExpiresAt(), false, null));
		}
		int acks = (int) unwarned.stream().filter((settlement) -> !settlement.retry()).count();
		int retries = unwarned.size() - acks;
		boolean acksConfirmed = unattributed.isEmpty() || covers(response.ackCount(), acks);
		boolean retriesConfirmed = unattributed.isEmpty() || covers(response.retryCount(), retries);
		for (Settlement settlement : unwarned) {
			if (settlement.retry() ? retriesConfirmed : acksConfirmed) {
				settlement.caller().success();
			}
			else {
				settlement.caller().error(unconfirmed(settlement, response, unattributed, acks, retries));
			}
		}
		this.sender.instrumentation()
			.recorder()
			.settled(this.sender.endpoint().name(), acksConfirmed ? acks : 0, retriesConfirmed ? retries : 0);
		if (!unattributed.isEmpty() && acksConfirmed && retriesConfirmed) {
			logger.warn("Queue '{}': Cloudflare answered warnings no lease could be matched with, and counted every "
					+ "settlement: {}", this.sender.endpoint().name(), unattributed);
		}
		else if (!unattributed.isEmpty()) {
			logger.debug("Queue '{}': Cloudflare answered warnings no lease could be matched with, and did not count "
					+ "every settlement: {}", this.sender.endpoint().name(), unattributed);
		}
	}

	private static boolean covers(@Nullable Integer count, int expected) {
		return expected == 0 || (count != null && count >= expected);
	}

	private MessageAckException unconfirmed(Settlement settlement, AckResponse response, List<String> unattributed,
			int acks, int retries) {
		Integer count = settlement.retry() ? response.retryCount() : response.ackCount();
		String side = settlement.retry() ? "retries" : "acknowledgements";
		String counted = (count != null) ? "counted " + count + " " + side + " of the "
				+ (settlement.retry() ? retries : acks) + " sent without a warning of their own"
				: "gave no count of the " + side;
		return new MessageAckException("Cloudflare's answer could not confirm the " + settlement.describe() + ": it "
				+ counted + ", and gave warnings that name no lease of the request: " + unattributed
				+ "; unless the settlement took effect, the message is delivered again after its lease ("
				+ settlement.leaseExpiresAt() + ")", details(), settlement.messageId(), settlement.leaseId(),
				settlement.leaseExpiresAt(), false, null);
	}

	/**
	 * The warning for a lease: keyed by the lease id (Cloudflare's current shape), or, in the older list of texts,
	 * the text that names the lease.
	 */
	private static @Nullable String warningFor(String leaseId, Map<String, String> warnings) {
		String keyed = warnings.get(leaseId);
		if (keyed != null) {
			return keyed;
		}
		for (String warning : warnings.values()) {
			if (warning.contains(leaseId)) {
				return warning;
			}
		}
		return null;
	}

	private void fail(List<Settlement> settlements, Throwable error) {
		boolean retryable = (error instanceof CloudflareQueuesException failure) && failure.isRetryable();
		for (Settlement settlement : settlements) {
			settlement.caller().error(new MessageAckException("The " + settlement.describe() + " was not confirmed ("
					+ error.getMessage() + "); the message is delivered again after its lease ("
					+ settlement.leaseExpiresAt() + ")", details(), settlement.messageId(), settlement.leaseId(),
					settlement.leaseExpiresAt(), retryable, error));
		}
	}

	/**
	 * Sends what is gathered now.
	 * @return completes when every settlement sent before or by this call has its answer
	 */
	Mono<Void> flush() {
		return Mono.defer(() -> {
			List<Settlement> due;
			synchronized (this) {
				due = takePending();
			}
			send(due);
			List<Mono<Void>> answers = new ArrayList<>();
			synchronized (this) {
				this.inFlight.forEach((answered) -> answers.add(answered.asMono()));
			}
			return Mono.when(answers);
		});
	}

	/**
	 * Refuses new settlements, sends what is gathered and waits for the answers within the timeout; settlements
	 * still unanswered then fail their callers.
	 * @param timeout the timeout
	 * @return completes when done
	 */
	Mono<Void> shutdown(Duration timeout) {
		return Mono.defer(() -> {
			synchronized (this) {
				this.closed = true;
			}
			return flush().timeout(timeout).onErrorResume(TimeoutException.class, (ex) -> {
				logger.warn("Queue '{}': acknowledgements still unanswered at the shutdown timeout ({}); their "
						+ "messages come back after their leases", this.sender.endpoint().name(), timeout);
				return Mono.empty();
			});
		});
	}

	private FailureDetails details() {
		QueueEndpoint endpoint = this.sender.endpoint();
		return FailureDetails.noResponse("ack", endpoint.name(), endpoint.queueId());
	}

}
