package io.github.cfqueues.emulator;

import java.util.Optional;

/**
 * Resolves paths of the form {@code /client/v4/accounts/{account_id}/queues/{queue_id}/<operation>}.
 */
final class Router {

	static final String BASE_PATH = "/client/v4";

	private static final String ACCOUNTS_PREFIX = BASE_PATH + "/accounts/";

	private Router() {
	}

	static Optional<RequestTarget> resolve(String rawPath) {
		if (!rawPath.startsWith(ACCOUNTS_PREFIX)) {
			return Optional.empty();
		}
		String[] segments = rawPath.substring(ACCOUNTS_PREFIX.length()).split("/", 4);
		if (segments.length != 4 || !segments[1].equals("queues")) {
			return Optional.empty();
		}
		for (Operation operation : Operation.values()) {
			if (operation.pathSuffix().equals(segments[3])) {
				return Optional.of(new RequestTarget(operation, segments[0], segments[2]));
			}
		}
		return Optional.empty();
	}

}
