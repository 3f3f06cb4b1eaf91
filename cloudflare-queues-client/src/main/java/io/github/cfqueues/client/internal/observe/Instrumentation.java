package io.github.cfqueues.client.internal.observe;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueStatus;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.ratelimit.AccountPauseGate;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiter;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.internal.ratelimit.SharedAccountRateLimiter;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import org.jspecify.annotations.Nullable;

/**
 * A client's observations, metrics and remembered state: one {@link QueueInstrumentation} per queue name, shared by
 * its publisher and consumer, and the gauges of each queue, publisher and account, registered once.
 */
public final class Instrumentation {

	private final @Nullable ObservationSettings observations;

	private final MetricsRecorder recorder;

	private final Clock clock;

	private final Map<String, QueueInstrumentation> queues = new ConcurrentHashMap<>();

	private final Set<String> accounts = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a client's instrumentation.
	 * @param observations where observations go, or {@code null} for none
	 * @param recorder where metrics go
	 * @param clock the wall clock
	 */
	public Instrumentation(@Nullable ObservationSettings observations, MetricsRecorder recorder, Clock clock) {
		this.observations = observations;
		this.recorder = Objects.requireNonNull(recorder, "recorder must not be null");
		this.clock = clock;
	}

	/**
	 * The instrumentation of a queue, made the first time its name is asked for.
	 * @param endpoint the queue
	 * @param gate the queue's rate-limit gate, which knows when its account is paused
	 * @return the queue's instrumentation
	 */
	public QueueInstrumentation forQueue(QueueEndpoint endpoint, RequestGate gate) {
		return this.queues.computeIfAbsent(endpoint.name(), (name) -> {
			QueueInstrumentation queue = new QueueInstrumentation(name, endpoint.accountId(), this.observations,
					this.recorder, this.clock, gate::pausedUntil);
			this.recorder.queue(name, queue::status);
			return queue;
		});
	}

	/**
	 * Registers the gauges of a publisher's flow control.
	 * @param queueName the queue's name
	 * @param flow the flow control
	 */
	public void flowControl(String queueName, FlowController flow) {
		this.recorder.flowControl(queueName, flow::outstandingMessages, flow::outstandingBytes, flow::waiting);
	}

	/**
	 * Registers the gauges of an account's gate, the first time the account is named.
	 * @param accountId the account
	 * @param gate its gate
	 */
	public void account(String accountId, RequestGate gate) {
		if (!this.accounts.add(accountId)) {
			return;
		}
		if (gate instanceof AccountRateLimiter limiter) {
			this.recorder.rateLimiter(accountId, limiter::availablePermits, limiter::pauseCount);
		}
		else if (gate instanceof AccountPauseGate pauses) {
			this.recorder.rateLimiter(accountId, null, pauses::pauseCount);
		}
		else if (gate instanceof SharedAccountRateLimiter shared) {
			this.recorder.rateLimiter(accountId, null, shared::pauseCount);
		}
	}

	/**
	 * The state of a queue as last seen.
	 * @param queueName the queue's name
	 * @return the state, {@linkplain QueueStatus#unknown(String) unknown} when nothing was made for that name
	 */
	public QueueStatus status(String queueName) {
		QueueInstrumentation queue = this.queues.get(queueName);
		return (queue != null) ? queue.status() : QueueStatus.unknown(queueName);
	}

	/**
	 * The state of every queue a publisher or consumer was made for.
	 * @return the states by queue name
	 */
	public Map<String, QueueStatus> statuses() {
		Map<String, QueueStatus> statuses = new LinkedHashMap<>();
		this.queues.forEach((name, queue) -> statuses.put(name, queue.status()));
		return statuses;
	}

	/**
	 * Reports nothing more.
	 */
	public void close() {
		this.recorder.close();
	}

}
