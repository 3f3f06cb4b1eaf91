package io.github.cfqueues.client.internal.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.QueueStatus;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.error.ApiError;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation;
import io.github.cfqueues.client.observation.DefaultQueueListenerObservationConvention;
import io.github.cfqueues.client.observation.DefaultQueueOperationObservationConvention;
import io.github.cfqueues.client.observation.QueueListenerContext;
import io.github.cfqueues.client.observation.QueueOperation;
import io.github.cfqueues.client.observation.QueueOperationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * One queue's observations, metrics and remembered state, shared by the queue's publisher and consumer: the backlog
 * Cloudflare last reported, the last success and failure, and whether the last answer refused the credentials or
 * knew no such queue. Thread safe; without an observation registry or a metrics recorder, it costs a few field
 * writes per answer.
 */
public final class QueueInstrumentation {

	private final String queueName;

	private final String accountId;

	private final @Nullable ObservationRegistry registry;

	private final @Nullable ObservationSettings observations;

	private final MetricsRecorder recorder;

	private final Clock clock;

	private final Supplier<@Nullable Instant> pausedUntil;

	private volatile @Nullable Reported backlog;

	private volatile long lastSuccessAt;

	private volatile QueueStatus.@Nullable Failure lastFailure;

	private volatile boolean refused;

	QueueInstrumentation(String queueName, String accountId, @Nullable ObservationSettings observations,
			MetricsRecorder recorder, Clock clock, Supplier<@Nullable Instant> pausedUntil) {
		this.queueName = queueName;
		this.accountId = accountId;
		this.observations = observations;
		this.registry = (observations != null) ? observations.registry() : null;
		this.recorder = recorder;
		this.clock = clock;
		this.pausedUntil = pausedUntil;
	}

	/**
	 * Instrumentation that observes and records nothing but the queue's state, for a queue outside any client.
	 * @param endpoint the queue
	 * @return the instrumentation
	 */
	public static QueueInstrumentation detached(QueueEndpoint endpoint) {
		return detached(endpoint.name(), endpoint.accountId());
	}

	/**
	 * Instrumentation that observes and records nothing but the queue's state.
	 * @param queueName the queue's name
	 * @param accountId its account
	 * @return the instrumentation
	 */
	public static QueueInstrumentation detached(String queueName, String accountId) {
		return new QueueInstrumentation(queueName, accountId, null, MetricsRecorder.NONE, Clock.systemUTC(), () -> null);
	}

	/**
	 * The queue's name in the application.
	 * @return the name
	 */
	public String queueName() {
		return this.queueName;
	}

	/**
	 * Whether metrics are recorded, for callers that would have to measure something first.
	 * @return {@code true} with a recorder
	 */
	public boolean recording() {
		return this.recorder != MetricsRecorder.NONE;
	}

	/**
	 * Where metrics go.
	 * @return the recorder, {@link MetricsRecorder#NONE} when none
	 */
	public MetricsRecorder recorder() {
		return this.recorder;
	}

	/**
	 * A request to the queue succeeded.
	 * @param metrics the backlog its answer reported, empty when none
	 */
	public void answered(QueueMetrics metrics) {
		long now = this.clock.millis();
		this.lastSuccessAt = now;
		if (metrics.isKnown()) {
			this.backlog = new Reported(metrics, now);
		}
		if (this.refused) {
			this.refused = false;
		}
	}

	/**
	 * A request to the queue failed: remembered unless it was refused locally, before sending.
	 * @param operation the request's operation
	 * @param failure the failure
	 */
	public void failed(QueueOperation operation, CloudflareQueuesException failure) {
		if (failure instanceof QueueRateLimitedException limited && limited.isLocal()) {
			return;
		}
		this.lastFailure = new QueueStatus.Failure(this.clock.instant(), operation.operationName(),
				failure.getClass().getSimpleName(), failure.getHttpStatus(),
				failure.getErrors().stream().map(ApiError::code).toList(), failure.getCfRay());
		if (failure instanceof QueueAuthenticationException || failure instanceof QueueNotFoundException) {
			this.refused = true;
		}
	}

	/**
	 * The queue as last seen.
	 * @return the state
	 */
	public QueueStatus status() {
		Reported reported = this.backlog;
		long success = this.lastSuccessAt;
		return new QueueStatus(this.queueName, (reported != null) ? reported.metrics() : QueueMetrics.none(),
				(reported != null) ? Instant.ofEpochMilli(reported.at()) : null,
				(success != 0) ? Instant.ofEpochMilli(success) : null, this.lastFailure, this.refused,
				this.pausedUntil.get());
	}

	/**
	 * Observes one request (its permit, its attempts and its retries) when an observation registry is set; each
	 * subscription is observed once. The parent is the observation in the subscriber's Reactor context, or none.
	 * @param operation the operation
	 * @param messageCount the messages it carries
	 * @param counted reads the messages an answer carried (a pull's), or {@code null}
	 * @param request the request
	 * @param <T> the answer type
	 * @return the observed request, or the request itself when nothing observes
	 */
	public <T> Mono<T> observe(QueueOperation operation, int messageCount, @Nullable ToIntFunction<? super T> counted,
			Mono<T> request) {
		ObservationSettings settings = this.observations;
		if (settings == null) {
			return request;
		}
		return request.tap((subscriber) -> {
			QueueOperationContext context = new QueueOperationContext(operation, this.queueName, messageCount);
			Observation observation = CloudflareQueuesObservationDocumentation.QUEUE_OPERATION.observation(
					settings.operationConvention(), DefaultQueueOperationObservationConvention.INSTANCE, () -> context,
					settings.registry());
			if (observation.isNoop()) {
				return ObservedRequest.notObserved();
			}
			observation.parentObservation(subscriber.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			return new ObservedRequest<>(observation, context, counted);
		});
	}

	/**
	 * Makes the observation current on the subscribing thread the parent of a caller's request, unless the caller's
	 * Reactor context names one already.
	 * @param call the call
	 * @param <T> the answer type
	 * @return the call
	 */
	public <T> Mono<T> withCallerParent(Mono<T> call) {
		ObservationRegistry registry = this.registry;
		if (registry == null) {
			return call;
		}
		return Mono.deferContextual((context) -> {
			if (context.hasKey(ObservationThreadLocalAccessor.KEY)) {
				return call;
			}
			Observation current = registry.getCurrentObservation();
			return (current != null) ? call.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, current))
					: call;
		});
	}

	/**
	 * Counts the messages of a call that fails, by the exception its caller gets.
	 * @param operation the operation the caller called
	 * @param messages how many messages failed, given the error
	 * @param call the call
	 * @param <T> the answer type
	 * @return the call
	 */
	public <T> Mono<T> countFailures(QueueOperation operation, ToIntFunction<Throwable> messages, Mono<T> call) {
		if (!recording()) {
			return call;
		}
		return call.doOnError((error) -> this.recorder.failed(this.queueName, operation, messages.applyAsInt(error),
				error));
	}

	/**
	 * Starts a listener's handling of a message or a batch.
	 * @param listenerId the listener's id
	 * @param messages what it handles
	 * @return the handling, to stop when it ends
	 */
	public ListenerHandling startHandling(String listenerId, List<ReceivedMessage> messages) {
		ObservationSettings settings = this.observations;
		Observation observation = null;
		if (settings != null) {
			QueueListenerContext context = new QueueListenerContext(this.queueName, listenerId, messages);
			observation = CloudflareQueuesObservationDocumentation.LISTENER.observation(settings.listenerConvention(),
					DefaultQueueListenerObservationConvention.INSTANCE, () -> context, settings.registry());
			if (observation.isNoop()) {
				observation = null;
			}
			else {
				observation.parentObservation(null);
			}
		}
		return new ListenerHandling(observation, this.recorder, this.queueName, listenerId);
	}

	/**
	 * Records a rate-limit permit's wait.
	 * @param waitNanos the wait
	 */
	public void permitWaited(long waitNanos) {
		this.recorder.permitWaited(this.accountId, waitNanos);
	}

	/**
	 * Records a request refused locally for want of a permit.
	 */
	public void permitRefused() {
		this.recorder.permitRefused(this.accountId);
	}

	private record Reported(QueueMetrics metrics, long at) {
	}

}
