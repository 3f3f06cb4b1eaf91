package io.github.cfqueues.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Asks the {@link FaultInjector} about each push or batch request and turns faults that replace the answer into
 * one.
 */
final class FaultApplier {

	private final Envelope envelope;

	private final AtomicLong sequence = new AtomicLong();

	private volatile FaultInjector injector;

	FaultApplier(FaultInjector injector, Envelope envelope) {
		this.injector = injector;
		this.envelope = envelope;
	}

	void setInjector(FaultInjector injector) {
		this.injector = injector;
	}

	Fault decide(IncomingRequest request, QueueAddress address) {
		FaultRequest faultRequest = new FaultRequest(request.method(), request.path(), address.accountId(),
				address.queueId(), this.sequence.incrementAndGet(), new String(request.body(), StandardCharsets.UTF_8));
		Fault fault = this.injector.decide(faultRequest);
		return (fault != null) ? fault : Fault.none();
	}

	/**
	 * Returns the answer that replaces processing, or {@code null} if the request is processed.
	 */
	@Nullable ApiResponse replacement(Fault fault) {
		if (fault instanceof Fault.Status status) {
			return new ApiResponse(status.status(), Map.of(), status.contentType(),
					status.body().getBytes(StandardCharsets.UTF_8));
		}
		if (fault instanceof Fault.RateLimited rateLimited) {
			return this.envelope.failure(ApiErrors.rateLimited(rateLimited.retryAfter()));
		}
		return null;
	}

}
