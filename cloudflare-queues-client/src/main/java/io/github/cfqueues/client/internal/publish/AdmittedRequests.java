package io.github.cfqueues.client.internal.publish;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.cfqueues.client.internal.flow.FlowController;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Runs one publisher's requests once flow control admits their messages, releases the messages when a request
 * ends, however it ends (before its caller sees the answer), and can abort every request still running.
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
			Request<T> running = new Request<>(operation, count, bytes, caller);
			Disposable admission = this.flow.admit(count, bytes, () -> running.start(request), caller::error);
			caller.onCancel(() -> {
				admission.dispose();
				running.subscription.dispose();
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

	private final class Request<T> {

		private final String operation;

		private final int count;

		private final long bytes;

		private final MonoSink<T> caller;

		private final Disposable.Swap subscription = Disposables.swap();

		private final AtomicBoolean released = new AtomicBoolean();

		Request(String operation, int count, long bytes, MonoSink<T> caller) {
			this.operation = operation;
			this.count = count;
			this.bytes = bytes;
			this.caller = caller;
		}

		void start(Supplier<Mono<T>> request) {
			AdmittedRequests.this.running.add(this);
			this.subscription.update(Mono.defer(request)
				.doOnTerminate(this::release)
				.doOnCancel(this::release)
				.contextWrite(this.caller.contextView())
				.subscribe(this.caller::success, this.caller::error, this.caller::success));
		}

		void release() {
			if (this.released.compareAndSet(false, true)) {
				AdmittedRequests.this.running.remove(this);
				AdmittedRequests.this.flow.release(this.count, this.bytes);
			}
		}

		void abort(Function<String, ? extends Throwable> error) {
			this.subscription.dispose();
			release();
			this.caller.error(error.apply(this.operation));
		}

	}

}
