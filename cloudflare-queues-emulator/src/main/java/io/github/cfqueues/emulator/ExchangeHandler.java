package io.github.cfqueues.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each HTTP exchange, has the {@link QueueApi} decide the answer, records the request, then writes the
 * answer, late if asked, or drops the connection.
 */
final class ExchangeHandler implements HttpHandler {

	private static final Logger logger = LoggerFactory.getLogger(ExchangeHandler.class);

	private final QueueApi api;

	private final RequestLog log;

	private final Envelope envelope;

	private final Clock clock;

	ExchangeHandler(QueueApi api, RequestLog log, Envelope envelope, Clock clock) {
		this.api = api;
		this.log = log;
		this.envelope = envelope;
		this.clock = clock;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try (exchange) {
			IncomingRequest request = read(exchange);
			Answer answer = decide(request);
			record(request, answer);
			if (answer.response() == null) {
				return;
			}
			if (!answer.delay().isZero()) {
				Thread.sleep(answer.delay().toMillis());
			}
			write(exchange, answer.response());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			logger.debug("Connection failed while answering {} {}", exchange.getRequestMethod(),
					exchange.getRequestURI(), ex);
		}
	}

	private IncomingRequest read(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestHeaders(), body, this.clock.instant());
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
		RequestTarget target = answer.target();
		this.log.add(new RecordedRequest(request.method(), request.path(),
				(target != null) ? target.accountId() : null, (target != null) ? target.queueId() : null,
				answer.status(), request.receivedAt(), answer.countedAgainstRateLimit(),
				new String(request.body(), StandardCharsets.UTF_8)));
	}

	private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", response.contentType());
		exchange.getResponseHeaders().set("cf-ray", RandomIds.cfRay());
		response.headers().forEach(exchange.getResponseHeaders()::set);
		byte[] body = response.body();
		exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
