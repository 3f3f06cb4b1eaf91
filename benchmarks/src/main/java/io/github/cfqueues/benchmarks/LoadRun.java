package io.github.cfqueues.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Offers up to a fixed number of operations at a fixed concurrency (that many outstanding at once: each answer
 * starts the next operation) and records each one's latency, from subscription to answer. Starting the next
 * operation costs the same whatever the concurrency (a {@code flatMap} would scan all its inner subscribers on every
 * answer). The recording arrays are allocated when the run is created, so that a measurement started afterwards does
 * not count them.
 */
final class LoadRun {

	private final int count;

	private final long[] latencies;

	private final long[] completedAt;

	private final AtomicInteger wip = new AtomicInteger();

	private final AtomicInteger freeSlots = new AtomicInteger();

	private final AtomicInteger holds = new AtomicInteger();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicReference<@Nullable Throwable> firstFailure = new AtomicReference<>();

	private final CountDownLatch finished = new CountDownLatch(1);

	private int started;

	private long deadline;

	private long firstId;

	private int stride = 1;

	private LongFunction<Mono<?>> operation = Mono::just;

	/**
	 * Prepares a run.
	 * @param count the most operations
	 */
	LoadRun(int count) {
		this.count = count;
		this.latencies = new long[count];
		this.completedAt = new long[count];
	}

	/**
	 * Runs every operation.
	 * @param operation the operation for a message id
	 * @param firstId the first id
	 * @param concurrency how many outstanding at once
	 * @return what happened
	 */
	LoadResult execute(LongFunction<Mono<?>> operation, long firstId, int concurrency) {
		return execute(operation, firstId, concurrency, null);
	}

	/**
	 * Runs every operation, each taking {@code stride} consecutive ids: operation {@code i} is given
	 * {@code firstId + i * stride}.
	 * @param operation the operation for its first message id
	 * @param firstId the first id
	 * @param stride ids per operation
	 * @param concurrency how many outstanding at once
	 * @return what happened
	 */
	LoadResult execute(LongFunction<Mono<?>> operation, long firstId, int stride, int concurrency) {
		return execute(operation, firstId, stride, concurrency, null);
	}

	/**
	 * Runs operations of {@code stride} consecutive ids each until all are done or, when a time is given, until it
	 * has passed.
	 * @param operation the operation for its first message id
	 * @param firstId the first id
	 * @param stride ids per operation
	 * @param concurrency how many outstanding at once
	 * @param stopStartingAfter how long to keep starting operations, or {@code null} for no limit
	 * @return what happened
	 */
	LoadResult execute(LongFunction<Mono<?>> operation, long firstId, int stride, int concurrency,
			@Nullable Duration stopStartingAfter) {
		this.stride = stride;
		return execute(operation, firstId, concurrency, stopStartingAfter);
	}

	/**
	 * Runs operations until all are done or, when a time is given, until it has passed: no operation starts after
	 * it, and those outstanding finish.
	 * @param operation the operation for a message id
	 * @param firstId the first id
	 * @param concurrency how many outstanding at once
	 * @param stopStartingAfter how long to keep starting operations, or {@code null} for no limit
	 * @return what happened
	 */
	LoadResult execute(LongFunction<Mono<?>> operation, long firstId, int concurrency,
			@Nullable Duration stopStartingAfter) {
		this.operation = operation;
		this.firstId = firstId;
		long start = System.nanoTime();
		this.deadline = (stopStartingAfter != null) ? start + stopStartingAfter.toNanos() : Long.MAX_VALUE;
		this.freeSlots.set(concurrency);
		this.holds.set(1);
		drain();
		releaseHold();
		try {
			this.finished.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		long elapsed = System.nanoTime() - start;
		return new LoadResult(this.started, start, elapsed, this.latencies, this.completedAt, this.failures.get(),
				this.firstFailure.get());
	}

	private void drain() {
		if (this.wip.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			while (this.freeSlots.get() > 0 && this.started < this.count && System.nanoTime() < this.deadline) {
				this.freeSlots.decrementAndGet();
				this.holds.incrementAndGet();
				start(this.started++);
			}
			missed = this.wip.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void start(int index) {
		long subscribed = System.nanoTime();
		this.operation.apply(this.firstId + (long) index * this.stride).subscribe((answer) -> {
			long now = System.nanoTime();
			this.latencies[index] = now - subscribed;
			this.completedAt[index] = now;
		}, (ex) -> {
			this.failures.incrementAndGet();
			this.firstFailure.compareAndSet(null, ex);
			answered();
		}, this::answered);
	}

	private void answered() {
		this.freeSlots.incrementAndGet();
		drain();
		releaseHold();
	}

	/**
	 * Ends one hold: the starting thread holds one until its first round of starts is done, and each operation one
	 * until it has started its successor, so that the count reaches zero only when nothing is left to start.
	 */
	private void releaseHold() {
		if (this.holds.decrementAndGet() == 0) {
			this.finished.countDown();
		}
	}

}
