package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides the answer to each request, in Cloudflare's order: route, authentication, ids, account rate limit,
 * injected fault (push and batch only), queue lookup, then the operation itself.
 */
final class QueueApi {

	private final Authenticator authenticator;

	private final AccountRateLimiter rateLimiter;

	private final FaultApplier faults;

	private final QueueRegistry queues;

	private final boolean autoCreateQueues;

	private final QueueOperations operations;

	private final Envelope envelope;

	QueueApi(Authenticator authenticator, AccountRateLimiter rateLimiter, FaultApplier faults, QueueRegistry queues,
			boolean autoCreateQueues, QueueOperations operations, Envelope envelope) {
		this.authenticator = authenticator;
		this.rateLimiter = rateLimiter;
		this.faults = faults;
		this.queues = queues;
		this.autoCreateQueues = autoCreateQueues;
		this.operations = operations;
		this.envelope = envelope;
	}

	Answer answer(IncomingRequest request) throws InterruptedException {
		Optional<RequestTarget> resolved = Router.resolve(request.path());
		if (resolved.isEmpty()) {
			return Answer.of(this.envelope.failure(ApiErrors.noRoute()), null, false);
		}
		RequestTarget target = resolved.get();
		boolean counted = false;
		try {
			if (!target.operation().method().equals(request.method())) {
				throw ApiErrors.methodNotAllowed(target.operation().method());
			}
			this.authenticator.authenticate(request.headers());
			QueueAddress address = target.validAddress();
			if (target.operation().countsAgainstRateLimit()) {
				this.rateLimiter.acquire(address.accountId());
				counted = true;
			}
			Fault fault = target.operation().isPush() ? this.faults.decide(request, address) : Fault.none();
			return applyFault(fault, request, target, address, counted);
		}
		catch (ApiException ex) {
			return Answer.of(this.envelope.failure(ex), target, counted);
		}
	}

	private Answer applyFault(Fault fault, IncomingRequest request, RequestTarget target, QueueAddress address,
			boolean counted) throws InterruptedException {
		if (fault instanceof Fault.DropConnection) {
			return Answer.dropConnection(target, counted);
		}
		ApiResponse replacement = this.faults.replacement(fault);
		if (replacement != null) {
			return Answer.of(replacement, target, counted);
		}
		if (fault instanceof Fault.DelayBeforeProcessing delay) {
			sleep(delay.delay());
		}
		Answer answer = Answer.of(process(request, target, address), target, counted);
		return (fault instanceof Fault.DelayAfterStore delay) ? answer.delayedBy(delay.delay()) : answer;
	}

	private ApiResponse process(IncomingRequest request, RequestTarget target, QueueAddress address) {
		try {
			MessageStore store = this.autoCreateQueues ? this.queues.create(address)
					: this.queues.find(address).orElseThrow(() -> ApiErrors.queueNotFound(address));
			return this.operations.execute(target.operation(), store, request.body());
		}
		catch (ApiException ex) {
			return this.envelope.failure(ex);
		}
	}

	private static void sleep(Duration delay) throws InterruptedException {
		if (!delay.isZero()) {
			Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
		}
	}

}
