package io.github.cfqueues.client.internal.publish;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.cfqueues.client.internal.flow.FlowController;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Runs one publisher's requests once flow control admits their messages, releases the messages when a request
 * ends, however it ends (before its caller sees the answer), and can abort every request still running. Each
 * running request subscribes to its request as a plain subscriber that passes the outcome on to its caller, rather
 * than through a chain of operators.
 */
final class AdmittedRequests {

	private final FlowController flow;

	private final Set<Request<?>> running = ConcurrentHashMap.newKeySet();

	AdmittedRequests(FlowController flow) {
		this.flow = flow;
	}

	/**
	 * Sends a request once its messages are admitted.
	 * @param operation the operation, for the error of an aborted request
	 * @param count how many messages the request carries
	 * @param bytes their total size
	 * @param request makes the request; called once, on admission
	 * @param <T> the answer type
	 * @return the answer
	 */
	<T> Mono<T> send(String operation, int count, long bytes, Supplier<Mono<T>> request) {
		return Mono.create((caller) -> {
			Request<T> running = new Request<>(this, operation, count, bytes, caller);
			Disposable admission = this.flow.admit(count, bytes, () -> running.start(request), caller::error);
			caller.onCancel(() -> {
				admission.dispose();
				running.cancel();
			});
		});
	}

	/**
	 * Cancels every request still running and fails its caller.
	 * @param error makes the error, given the operation
	 * @return how many requests were aborted
	 */
	int abortAll(Function<String, ? extends Throwable> error) {
		int aborted = 0;
		for (Request<?> request : this.running) {
			request.abort(error);
			aborted++;
		}
		return aborted;
	}

	private static final class Request<T> implements CoreSubscriber<T> {

		@SuppressWarnings("rawtypes")
		private static final AtomicReferenceFieldUpdater<Request, Subscription> UPSTREAM = AtomicReferenceFieldUpdater
			.newUpdater(Request.class, Subscription.class, "upstream");

		@SuppressWarnings("rawtypes")
		private static final AtomicIntegerFieldUpdater<Request> RELEASED = AtomicIntegerFieldUpdater
			.newUpdater(Request.class, "released");

		private final AdmittedRequests requests;

		private final String operation;

		private final int count;

		private final long bytes;

		private final MonoSink<T> caller;

		private volatile @Nullable Subscription upstream;

		private volatile int released;

		Request(AdmittedRequests requests, String operation, int count, long bytes, MonoSink<T> caller) {
			this.requests = requests;
			this.operation = operation;
			this.count = count;
			this.bytes = bytes;
			this.caller = caller;
		}

		/**
		 * Starts the request, once admitted. A cancellation that came first (or comes while it starts) releases the
		 * messages, whichever of the two sees the other: this one after adding itself to the running requests, the
		 * cancellation after marking the request cancelled.
		 */
		void start(Supplier<Mono<T>> request) {
			this.requests.running.add(this);
			if (this.upstream == Operators.cancelledSubscription()) {
				release();
				return;
			}
			Mono<T> answer;
			try {
				answer = request.get();
			}
			catch (RuntimeException ex) {
				onError(ex);
				return;
			}
			answer.subscribe(this);
		}

		@Override
		public Context currentContext() {
			return Context.of(this.caller.contextView());
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.setOnce(UPSTREAM, this, subscription)) {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(T answer) {
			release();
			this.caller.success(answer);
		}

		@Override
		public void onError(Throwable error) {
			release();
			this.caller.error(error);
		}

		@Override
		public void onComplete() {
			release();
			this.caller.success();
		}

		/**
		 * Stops the request, if it runs, and releases its messages; its caller is told nothing.
		 */
		void cancel() {
			Operators.terminate(UPSTREAM, this);
			if (this.requests.running.contains(this)) {
				release();
			}
		}

		void release() {
			if (RELEASED.compareAndSet(this, 0, 1)) {
				this.requests.running.remove(this);
				this.requests.flow.release(this.count, this.bytes);
			}
		}

		void abort(Function<String, ? extends Throwable> error) {
			Operators.terminate(UPSTREAM, this);
			release();
			this.caller.error(error.apply(this.operation));
		}

	}

}
