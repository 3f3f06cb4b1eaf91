package io.github.cfqueues.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has the {@link QueueApi} decide the answer to each request, records the request, then hands the answer to the
 * server with a {@code cf-ray} header, late if asked, or none to drop the connection. Requests for the
 * {@link InspectionEndpoint} go to it instead, unrecorded.
 */
final class ExchangeHandler implements HttpExchangeHandler {

	private static final Logger logger = LoggerFactory.getLogger(ExchangeHandler.class);

	private final QueueApi api;

	private final InspectionEndpoint inspection;

	private final RequestLog log;

	private final Envelope envelope;

	private final Clock clock;

	ExchangeHandler(QueueApi api, InspectionEndpoint inspection, RequestLog log, Envelope envelope, Clock clock) {
		this.api = api;
		this.inspection = inspection;
		this.log = log;
		this.envelope = envelope;
		this.clock = clock;
	}

	@Override
	public @Nullable ApiResponse handle(RawRequest raw) throws InterruptedException {
		if (InspectionEndpoint.handles(raw.path())) {
			return this.inspection.answer(raw);
		}
		IncomingRequest request = new IncomingRequest(raw.method(), raw.path(), raw.query(), raw.headers(),
				raw.body(), this.clock.instant());
		Answer answer = decide(request);
		record(request, answer);
		ApiResponse response = answer.response();
		if (response == null) {
			return null;
		}
		if (!answer.delay().isZero()) {
			Thread.sleep(answer.delay().toMillis());
		}
		return response.withHeader("cf-ray", RandomIds.cfRay());
	}

	private Answer decide(IncomingRequest request) throws InterruptedException {
		try {
			return this.api.answer(request);
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure answering {} {}", request.method(), request.path(), ex);
			return Answer.of(this.envelope.failure(ApiErrors.internalError()), null, false);
		}
	}

	private void record(IncomingRequest request, Answer answer) {
		ResolvedPath path = answer.path();
		this.log.add(new RecordedRequest(request.method(), request.path(), (path != null) ? path.accountId() : null,
				(path != null) ? path.queueId() : null,
				answer.status(), request.receivedAt(), answer.countedAgainstRateLimit(),
				new String(request.body(), StandardCharsets.UTF_8)));
	}

}
