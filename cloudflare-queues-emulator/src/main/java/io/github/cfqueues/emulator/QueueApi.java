package io.github.cfqueues.emulator;

import java.time.Duration;

/**
 * Decides the answer to each request, in Cloudflare's order: route, method, authentication, ids, account rate
 * limit, injected fault (push and batch only), queue lookup, then the operation itself.
 */
final class QueueApi {

	private final Authenticator authenticator;

	private final AccountRateLimiter rateLimiter;

	private final FaultApplier faults;

	private final QueueRegistry queues;

	private final boolean autoCreateQueues;

	private final MessageOperations messages;

	private final AdminOperations admin;

	private final Envelope envelope;

	QueueApi(Authenticator authenticator, AccountRateLimiter rateLimiter, FaultApplier faults, QueueRegistry queues,
			boolean autoCreateQueues, MessageOperations messages, AdminOperations admin, Envelope envelope) {
		this.authenticator = authenticator;
		this.rateLimiter = rateLimiter;
		this.faults = faults;
		this.queues = queues;
		this.autoCreateQueues = autoCreateQueues;
		this.messages = messages;
		this.admin = admin;
		this.envelope = envelope;
	}

	Answer answer(IncomingRequest request) throws InterruptedException {
		ResolvedPath path = Router.resolve(request.path()).orElse(null);
		if (path == null) {
			return Answer.of(this.envelope.failure(ApiErrors.noRoute()), null, false);
		}
		Operation operation = path.route().operation(request.method()).orElse(null);
		if (operation == null) {
			return Answer.of(this.envelope.failure(ApiErrors.methodNotAllowed(path.route().allowedMethods())), path,
					false);
		}
		boolean counted = false;
		try {
			this.authenticator.authenticate(request.headers());
			path.validateIds();
			if (operation.countsAgainstRateLimit()) {
				this.rateLimiter.acquire(path.accountId());
				counted = true;
			}
			Fault fault = operation.isPush() ? this.faults.decide(request, path.address()) : Fault.none();
			return applyFault(fault, request, operation, path, counted);
		}
		catch (ApiException ex) {
			return Answer.of(this.envelope.failure(ex), path, counted);
		}
	}

	private Answer applyFault(Fault fault, IncomingRequest request, Operation operation, ResolvedPath path,
			boolean counted) throws InterruptedException {
		if (fault instanceof Fault.DropConnection) {
			return Answer.dropConnection(path, counted);
		}
		ApiResponse replacement = this.faults.replacement(fault);
		if (replacement != null) {
			return Answer.of(replacement, path, counted);
		}
		if (fault instanceof Fault.DelayBeforeProcessing delay) {
			sleep(delay.delay());
		}
		Answer answer = Answer.of(process(request, operation, path), path, counted);
		return (fault instanceof Fault.DelayAfterStore delay) ? answer.delayedBy(delay.delay()) : answer;
	}

	private ApiResponse process(IncomingRequest request, Operation operation, ResolvedPath path) {
		try {
			if (operation.isAccountOperation()) {
				return this.admin.executeForAccount(operation, path.accountId(), request);
			}
			QueueAddress address = path.address();
			ManagedQueue queue = (this.autoCreateQueues && operation.isMessageOperation())
					? this.queues.createOrGet(address)
					: this.queues.find(address).orElseThrow(() -> ApiErrors.queueNotFound(address));
			if (operation.isMessageOperation()) {
				return this.envelope.success(this.messages.execute(operation, queue, request.body()));
			}
			return this.admin.execute(operation, queue, path.consumerId(), request.body());
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
