package io.github.cfqueues.emulator;

import java.util.Optional;

/**
 * Resolves paths of the form {@code /client/v4/accounts/{account_id}/queues[/{queue_id}[/<resource>]]}.
 */
final class Router {

	static final String BASE_PATH = "/client/v4";

	private static final String ACCOUNTS_PREFIX = BASE_PATH + "/accounts/";

	private static final String CONSUMERS_PREFIX = "consumers/";

	private Router() {
	}

	static Optional<ResolvedPath> resolve(String rawPath) {
		if (!rawPath.startsWith(ACCOUNTS_PREFIX)) {
			return Optional.empty();
		}
		String[] segments = rawPath.substring(ACCOUNTS_PREFIX.length()).split("/", 4);
		if (segments.length < 2 || !segments[1].equals("queues")) {
			return Optional.empty();
		}
		String accountId = segments[0];
		if (segments.length == 2) {
			return Optional.of(new ResolvedPath(Route.QUEUES, accountId, null, null));
		}
		String queueId = segments[2];
		String suffix = (segments.length == 4) ? segments[3] : "";
		if (suffix.startsWith(CONSUMERS_PREFIX)) {
			String consumerId = suffix.substring(CONSUMERS_PREFIX.length());
			return (consumerId.isEmpty() || consumerId.contains("/")) ? Optional.empty()
					: Optional.of(new ResolvedPath(Route.CONSUMER, accountId, queueId, consumerId));
		}
		if (segments.length == 4 && suffix.isEmpty()) {
			return Optional.empty();
		}
		for (Route route : Route.values()) {
			if (suffix.equals(route.suffix())) {
				return Optional.of(new ResolvedPath(route, accountId, queueId, null));
			}
		}
		return Optional.empty();
	}

}
