package io.github.cfqueues.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.PublisherClosedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a number of pushes outstanding on a publisher until stopped (or until the publisher is closed), and accounts
 * for every push: answered, failed with one of the client's typed exceptions, or failed otherwise.
 */
public final class PushLoop {

	private final AtomicLong started = new AtomicLong();

	private final AtomicLong succeeded = new AtomicLong();

	private final AtomicLong failedTyped = new AtomicLong();

	private final List<Throwable> failedUntyped = new CopyOnWriteArrayList<>();

	private final List<CloudflareQueuesException> typedFailures = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Void> done;

	private volatile boolean stopped;

	private PushLoop(QueuePublisher publisher, int inFlight) {
		this.done = Flux.range(0, inFlight).flatMap((lane) -> Mono.defer(() -> {
			this.started.incrementAndGet();
			return publisher.pushText("lane " + lane);
		}).doOnSuccess((answer) -> this.succeeded.incrementAndGet()).onErrorResume((ex) -> {
			if (ex instanceof PublisherClosedException) {
				this.stopped = true;
			}
			if (ex instanceof CloudflareQueuesException typed) {
				this.failedTyped.incrementAndGet();
				if (this.typedFailures.size() < 100) {
					this.typedFailures.add(typed);
				}
			}
			else {
				this.failedUntyped.add(ex);
			}
			return Mono.empty();
		}).repeat(() -> !this.stopped), inFlight).then().toFuture();
	}

	/**
	 * Starts pushing.
	 * @param publisher the publisher
	 * @param inFlight pushes outstanding at once
	 * @return the running loop
	 */
	public static PushLoop start(QueuePublisher publisher, int inFlight) {
		return new PushLoop(publisher, inFlight);
	}

	/**
	 * Starts no new push and waits for the outstanding ones.
	 * @param timeout how long to wait at most
	 * @return this loop
	 */
	public PushLoop stop(Duration timeout) {
		this.stopped = true;
		try {
			this.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The outstanding pushes did not end within " + timeout, ex);
		}
		return this;
	}

	/**
	 * Pushes started.
	 * @return the count
	 */
	public long started() {
		return this.started.get();
	}

	/**
	 * Pushes answered by the server.
	 * @return the count
	 */
	public long succeeded() {
		return this.succeeded.get();
	}

	/**
	 * Pushes failed with a {@link CloudflareQueuesException}.
	 * @return the count
	 */
	public long failedTyped() {
		return this.failedTyped.get();
	}

	/**
	 * The first 100 typed failures.
	 * @return the failures
	 */
	public List<CloudflareQueuesException> typedFailures() {
		return this.typedFailures;
	}

	/**
	 * Pushes failed with anything else: a defect.
	 * @return the failures
	 */
	public List<Throwable> failedUntyped() {
		return this.failedUntyped;
	}

}
