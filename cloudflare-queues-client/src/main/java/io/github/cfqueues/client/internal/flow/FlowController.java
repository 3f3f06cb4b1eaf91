package io.github.cfqueues.client.internal.flow;

import io.github.cfqueues.client.FlowControlSettings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.error.PublisherOverloadedException;
import io.github.cfqueues.client.metrics.CloudflareQueuesMeters;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Bounds what one publisher holds: a message is admitted only while the outstanding messages and bytes stay within
 * the {@link FlowControlSettings}, and released when it is answered. A full publisher fails the push or lets it
 * wait, first come first served, without blocking a thread.
 * <p>
 * Once admitted, a message belongs to the publisher: the admission callback runs even if the caller has lost
 * interest, so every admitted message is answered and released. Waiters are handed over one at a time, in the order
 * they came, whichever thread frees the room; a push that finds room while they are still being handed over is
 * handed over after them, never before. Waiting is bounded: beyond {@link FlowControlSettings#maxWaiting()} waiting
 * pushes, or after {@link FlowControlSettings#maxWait()}, a push fails with a {@link PublisherOverloadedException}.
 */
public final class FlowController {

	private static final Disposable ADMITTED = () -> {
	};

	private final FlowControlSettings settings;

	private final QueueEndpoint endpoint;

	private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

	private final List<Sinks.Empty<Void>> idleWatchers = new ArrayList<>();

	private final ArrayDeque<Runnable> handOvers = new ArrayDeque<>();

	private boolean handingOver;

	private int messages;

	private long bytes;

	private boolean closed;

	private final Scheduler timer;

	private final MetricsRecorder recorder;

	public FlowController(FlowControlSettings settings, QueueEndpoint endpoint) {
		this(settings, endpoint, MetricsRecorder.NONE);
	}

	/**
	 * Creates the flow control of a publisher.
	 * @param settings the bounds
	 * @param endpoint the publisher's queue
	 * @param recorder told of each refused push
	 */
	public FlowController(FlowControlSettings settings, QueueEndpoint endpoint, MetricsRecorder recorder) {
		this(settings, endpoint, Schedulers.parallel(), recorder);
	}

	FlowController(FlowControlSettings settings, QueueEndpoint endpoint, Scheduler timer) {
		this(settings, endpoint, timer, MetricsRecorder.NONE);
	}

	private FlowController(FlowControlSettings settings, QueueEndpoint endpoint, Scheduler timer,
			MetricsRecorder recorder) {
		this.settings = settings;
		this.endpoint = endpoint;
		this.timer = timer;
		this.recorder = recorder;
	}

	/**
	 * Admits messages now, later, or never.
	 * @param count how many messages
	 * @param size their total size
	 * @param onAdmitted run once the message is admitted, outside any lock
	 * @param onRefused given the error when the message is refused (full and failing fast, or shut down)
	 * @return disposes a waiting admission; does nothing once the message was admitted
	 */
	public Disposable admit(int count, long size, Runnable onAdmitted, Consumer<CloudflareQueuesException> onRefused) {
		CloudflareQueuesException refusal;
		String rejectedFor = null;
		boolean runNow = false;
		synchronized (this) {
			if (this.closed) {
				refusal = closed("The publisher is shut down");
			}
			else if (this.waiters.isEmpty() && fits(count, size)) {
				take(count, size);
				if (this.handingOver) {
					// Earlier waiters are being handed over: this one goes after them.
					this.handOvers.add(onAdmitted);
				}
				else {
					runNow = true;
				}
				refusal = null;
			}
			else if (this.settings.limitBehavior() == FlowControlSettings.LimitBehavior.FAIL) {
				refusal = overloaded(count, size, "flow-control.limit-behavior is fail");
				rejectedFor = CloudflareQueuesMeters.FLOW_FULL;
			}
			else if (this.waiters.size() >= this.settings.maxWaiting()) {
				refusal = overloaded(count, size, this.waiters.size() + " pushes already wait for room, as many as "
						+ "flow-control.max-waiting allows");
				rejectedFor = CloudflareQueuesMeters.FLOW_MAX_WAITING;
			}
			else {
				Waiter waiter = new Waiter(count, size, onAdmitted, onRefused);
				this.waiters.add(waiter);
				waiter.startTimer();
				return waiter;
			}
		}
		if (rejectedFor != null) {
			this.recorder.flowControlRejected(this.endpoint.name(), rejectedFor);
		}
		if (refusal != null) {
			onRefused.accept(refusal);
		}
		else if (runNow) {
			onAdmitted.run();
		}
		return ADMITTED;
	}

	/**
	 * Releases answered messages and admits waiting ones that now fit.
	 * @param count how many messages
	 * @param size their total size
	 */
	public void release(int count, long size) {
		List<Sinks.Empty<Void>> idle = List.of();
		synchronized (this) {
			this.messages -= count;
			this.bytes -= size;
			admitWaitersThatFit();
			if (this.messages == 0 && !this.idleWatchers.isEmpty()) {
				idle = new ArrayList<>(this.idleWatchers);
				this.idleWatchers.clear();
			}
		}
		handOver();
		idle.forEach(Sinks.Empty::tryEmitEmpty);
	}

	private void admitWaitersThatFit() {
		while (!this.waiters.isEmpty() && fits(this.waiters.peek().count, this.waiters.peek().size)) {
			Waiter waiter = this.waiters.poll();
			waiter.timer.dispose();
			take(waiter.count, waiter.size);
			this.handOvers.add(waiter.onAdmitted);
		}
	}

	/**
	 * Runs the callbacks of the waiters admitted so far, in order, unless another thread is already running them
	 * (it then runs these too). Never called with the lock held.
	 */
	private void handOver() {
		synchronized (this) {
			if (this.handingOver) {
				return;
			}
			this.handingOver = true;
		}
		RuntimeException failure = null;
		while (true) {
			Runnable next;
			synchronized (this) {
				next = this.handOvers.poll();
				if (next == null) {
					this.handingOver = false;
					break;
				}
			}
			try {
				next.run();
			}
			catch (RuntimeException ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Completes when nothing is outstanding: every admitted message has been released.
	 * @return a {@code Mono} completing when idle
	 */
	public Mono<Void> whenIdle() {
		return Mono.defer(() -> {
			synchronized (this) {
				if (this.messages == 0) {
					return Mono.empty();
				}
				Sinks.Empty<Void> watcher = Sinks.empty();
				this.idleWatchers.add(watcher);
				return watcher.asMono();
			}
		});
	}

	/**
	 * Refuses every message from now on, including those waiting for room.
	 */
	public void close() {
		List<Waiter> refused;
		synchronized (this) {
			this.closed = true;
			refused = new ArrayList<>(this.waiters);
			this.waiters.clear();
		}
		refused.forEach((waiter) -> waiter.timer.dispose());
		refused.forEach((waiter) -> waiter.onRefused.accept(closed("The publisher shut down while the push waited "
				+ "for room")));
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return {@code true} once closed
	 */
	public synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * The messages admitted and not yet released.
	 * @return the count
	 */
	public synchronized int outstandingMessages() {
		return this.messages;
	}

	/**
	 * The bytes admitted and not yet released.
	 * @return the bytes
	 */
	public synchronized long outstandingBytes() {
		return this.bytes;
	}

	/**
	 * The pushes waiting for room.
	 * @return the count
	 */
	public synchronized int waiting() {
		return this.waiters.size();
	}

	private boolean fits(int count, long size) {
		return this.messages + count <= this.settings.maxOutstandingMessages()
				&& this.bytes + size <= this.settings.maxOutstandingBytes();
	}

	private void take(int count, long size) {
		this.messages += count;
		this.bytes += size;
	}

	private PublisherOverloadedException overloaded(int count, long size, String why) {
		return new PublisherOverloadedException("The publisher holds " + this.messages + " messages and "
				+ this.bytes + " bytes, and " + count + " more (" + size + " bytes) would pass flow control's "
				+ "bounds (flow-control.max-outstanding-messages " + this.settings.maxOutstandingMessages()
				+ ", max-outstanding-bytes " + this.settings.maxOutstandingBytes() + "B); " + why
				+ "; nothing was sent", details(), null);
	}

	private void timedOut(Waiter waiter) {
		PublisherOverloadedException refusal;
		synchronized (this) {
			if (!this.waiters.remove(waiter)) {
				return;
			}
			refusal = overloaded(waiter.count, waiter.size, "the push waited for room for flow-control.max-wait ("
					+ this.settings.maxWait() + ")");
			admitWaitersThatFit();
		}
		this.recorder.flowControlRejected(this.endpoint.name(), CloudflareQueuesMeters.FLOW_MAX_WAIT);
		handOver();
		waiter.onRefused.accept(refusal);
	}

	private PublisherClosedException closed(String reason) {
		return new PublisherClosedException(reason, details(), null);
	}

	private FailureDetails details() {
		return FailureDetails.noResponse("push", this.endpoint.name(), this.endpoint.queueId());
	}

	private void withdraw(Waiter waiter) {
		synchronized (this) {
			if (!this.waiters.remove(waiter)) {
				return;
			}
			admitWaitersThatFit();
		}
		handOver();
	}

	private final class Waiter implements Disposable {

		private final int count;

		private final long size;

		private final Runnable onAdmitted;

		private final Consumer<CloudflareQueuesException> onRefused;

		private volatile boolean disposed;

		private volatile Disposable timer = ADMITTED;

		Waiter(int count, long size, Runnable onAdmitted, Consumer<CloudflareQueuesException> onRefused) {
			this.count = count;
			this.size = size;
			this.onAdmitted = onAdmitted;
			this.onRefused = onRefused;
		}

		void startTimer() {
			try {
				this.timer = FlowController.this.timer.schedule(() -> timedOut(this),
						FlowController.this.settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// No timer (the scheduler is shut down): the wait stays bounded by the publisher's shutdown.
			}
		}

		@Override
		public void dispose() {
			this.disposed = true;
			this.timer.dispose();
			withdraw(this);
		}

		@Override
		public boolean isDisposed() {
			return this.disposed;
		}

	}

}
