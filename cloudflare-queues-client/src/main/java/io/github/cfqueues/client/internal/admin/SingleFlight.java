package io.github.cfqueues.client.internal.admin;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Shares one run of a call among everyone who asks while it is under way; the next ask after it ended, with a value
 * or an error, starts a new run. The run goes on when one of its callers cancels, for the others.
 *
 * @param <T> the value's type
 */
final class SingleFlight<T> {

	private final AtomicReference<Mono<T>> running = new AtomicReference<>();

	Mono<T> join(Supplier<Mono<T>> call) {
		return Mono.defer(() -> {
			while (true) {
				Mono<T> current = this.running.get();
				if (current != null) {
					return current;
				}
				AtomicReference<Mono<T>> self = new AtomicReference<>();
				Mono<T> run = Mono.defer(call).doFinally((signal) -> this.running.compareAndSet(self.get(), null))
					.cache();
				self.set(run);
				if (this.running.compareAndSet(null, run)) {
					return run;
				}
			}
		});
	}

}
