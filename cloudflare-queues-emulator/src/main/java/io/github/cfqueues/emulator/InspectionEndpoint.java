package io.github.cfqueues.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the read-only inspection endpoints outside Cloudflare's API paths, for a developer who wants to see what
 * reached the emulator: {@code GET /emulator/queues} (every queue) and
 * {@code GET /emulator/queues/{account_id}/{queue_id}} (one). They need no credentials, are neither recorded in
 * the request log nor counted against the account rate limit, and answer only requests addressed to a loopback
 * host name, so that a web page cannot read them through DNS rebinding. Answers are indented JSON.
 */
final class InspectionEndpoint {

	static final String PREFIX = "/emulator";

	static final String QUEUES_PATH = PREFIX + "/queues";

	private static final String USAGE = "GET " + QUEUES_PATH + " lists every queue, GET " + QUEUES_PATH
			+ "/{account_id}/{queue_id} shows one";

	private static final Pattern LOOPBACK_HOST = Pattern
		.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\])(:[0-9]{1,5})?");

	private static final Logger logger = LoggerFactory.getLogger(InspectionEndpoint.class);

	private final QueueRegistry queues;

	private final DeadLetters deadLetters;

	private final InspectionBodies bodies;

	private final ObjectWriter writer;

	private final Clock clock;

	InspectionEndpoint(QueueRegistry queues, DeadLetters deadLetters, JsonMapper mapper, Clock clock) {
		this.queues = queues;
		this.deadLetters = deadLetters;
		this.bodies = new InspectionBodies(mapper);
		this.writer = mapper.writerWithDefaultPrettyPrinter();
		this.clock = clock;
	}

	/**
	 * Returns whether a path is one this endpoint answers, rather than Cloudflare's API.
	 */
	static boolean handles(String path) {
		return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
	}

	ApiResponse answer(RawRequest request) {
		try {
			return decide(request);
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure answering {} {}", request.method(), request.path(), ex);
			return json(500, this.bodies.error("Internal Server Error"));
		}
	}

	private ApiResponse decide(RawRequest request) {
		String host = request.headers().first("Host");
		if (host != null && !LOOPBACK_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
			return json(403, this.bodies.error("the inspection endpoints answer only requests addressed to "
					+ "127.0.0.1, localhost or [::1], not to " + host));
		}
		String path = stripTrailingSlash(request.path());
		String[] ids = queueIds(path);
		if (!path.equals(QUEUES_PATH) && ids == null) {
			return json(404, this.bodies.error("no inspection endpoint at " + request.path() + ": " + USAGE));
		}
		if (!request.method().equals("GET")) {
			return json(405, this.bodies.error("method " + request.method()
					+ " is not allowed: the inspection endpoints are read-only; " + USAGE))
				.withHeader("Allow", "GET");
		}
		return (ids != null) ? oneQueue(ids[0], ids[1]) : allQueues();
	}

	private ApiResponse allQueues() {
		this.queues.all()
			.stream()
			.map((queue) -> queue.address().accountId())
			.distinct()
			.forEach(this.deadLetters::catchUp);
		return json(200, this.bodies.queues(this.queues.all(), now()));
	}

	private ApiResponse oneQueue(String accountId, String queueId) {
		this.deadLetters.catchUp(accountId);
		ManagedQueue queue = this.queues.find(new QueueAddress(accountId, queueId)).orElse(null);
		if (queue == null) {
			return json(404, this.bodies.error("no queue " + queueId + " in account " + accountId + ": GET "
					+ QUEUES_PATH + " lists every queue"));
		}
		return json(200, this.bodies.oneQueue(queue, now()));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private ApiResponse json(int status, JsonNode body) {
		byte[] bytes = (this.writer.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
		return new ApiResponse(status, Map.of(), ApiResponse.APPLICATION_JSON, bytes);
	}

	/**
	 * Returns the account and queue ids of a path {@code /emulator/queues/{account_id}/{queue_id}}, or
	 * {@code null} for any other path.
	 */
	private static String @Nullable [] queueIds(String path) {
		if (!path.startsWith(QUEUES_PATH + "/")) {
			return null;
		}
		String[] ids = path.substring(QUEUES_PATH.length() + 1).split("/", -1);
		return (ids.length == 2 && !ids[0].isEmpty() && !ids[1].isEmpty()) ? ids : null;
	}

	private static String stripTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

}
