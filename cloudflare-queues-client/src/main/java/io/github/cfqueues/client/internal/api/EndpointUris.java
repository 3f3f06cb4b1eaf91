package io.github.cfqueues.client.internal.api;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cfqueues.client.QueueEndpoint;

/**
 * The request URIs of each queue's endpoints, built and parsed once rather than for every request. Holds at most
 * {@value #MAX_CACHED} (an application has a few queues); beyond that it starts afresh.
 */
final class EndpointUris {

	private static final int MAX_CACHED = 1024;

	private static final String ACCOUNT_TEMPLATE = "/accounts/{account_id}/queues";

	private static final String QUEUE_TEMPLATE = ACCOUNT_TEMPLATE + "/{queue_id}";

	private static final ConcurrentHashMap<String, String> templates = new ConcurrentHashMap<>();

	private final String baseUrl;

	private final ConcurrentHashMap<Key, URI> cache = new ConcurrentHashMap<>();

	EndpointUris(URI baseUrl) {
		String url = baseUrl.toString();
		this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * The URI of one of a queue's endpoints.
	 * @param endpoint the queue
	 * @param path the endpoint's path below the queue, for example {@code /messages}
	 * @return the URI
	 */
	URI of(QueueEndpoint endpoint, String path) {
		Key key = new Key(endpoint.accountId(), endpoint.queueId(), path);
		URI uri = this.cache.get(key);
		if (uri == null) {
			uri = URI.create(this.baseUrl + "/accounts/" + endpoint.accountId() + "/queues/" + endpoint.queueId()
					+ path);
			if (this.cache.size() >= MAX_CACHED) {
				this.cache.clear();
			}
			this.cache.put(key, uri);
		}
		return uri;
	}

	/**
	 * The URI of an account-level endpoint, built afresh (these are not on a hot path).
	 * @param accountId the account
	 * @param path the path and query below the account's {@code /queues}
	 * @return the URI
	 */
	URI ofAccount(String accountId, String path) {
		return URI.create(this.baseUrl + "/accounts/" + accountId + "/queues" + path);
	}

	/**
	 * The URI template of one of a queue's endpoints, relative to the base URL, for observations.
	 * @param path the endpoint's path below the queue, for example {@code /messages}
	 * @return for example {@code /accounts/{account_id}/queues/{queue_id}/messages}
	 */
	static String template(String path) {
		return templates.computeIfAbsent(path, (below) -> QUEUE_TEMPLATE + below);
	}

	/**
	 * The URI template of an account-level endpoint, relative to the base URL, for observations.
	 * @param pathTemplate the path below the account's queues, ids as variables, for example {@code /{queue_id}}
	 * @return for example {@code /accounts/{account_id}/queues/{queue_id}}
	 */
	static String accountTemplate(String pathTemplate) {
		return ACCOUNT_TEMPLATE + pathTemplate;
	}

	private record Key(String accountId, String queueId, String path) {
	}

}
