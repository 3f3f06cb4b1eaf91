package io.github.cfqueues.client.publish;

import java.util.function.Supplier;

import io.github.cfqueues.client.flow.FlowController;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Runs a request once flow control admits its messages, and releases them when the request ends, however it ends.
 */
final class Admitted {

	private Admitted() {
	}

	static <T> Mono<T> send(FlowController flow, int count, long bytes, Supplier<Mono<T>> request) {
		return Mono.create((sink) -> {
			Disposable.Swap running = Disposables.swap();
			Disposable admission = flow.admit(count, bytes,
					() -> running.update(Mono.defer(request)
						.doFinally((signal) -> flow.release(count, bytes))
						.contextWrite(sink.contextView())
						.subscribe(sink::success, sink::error, sink::success)),
					sink::error);
			sink.onCancel(() -> {
				admission.dispose();
				running.dispose();
			});
		});
	}

}
