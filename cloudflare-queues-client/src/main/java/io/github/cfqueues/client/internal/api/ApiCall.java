package io.github.cfqueues.client.internal.api;

import java.net.URI;

import io.github.cfqueues.client.CloudflareCredentials;

import org.springframework.http.HttpMethod;

/**
 * One request to the API: where it goes, with which credentials, and what to call it, and which queue to name, when
 * it fails.
 *
 * @param method the HTTP method
 * @param uri the URI
 * @param uriTemplate the URI's template, relative to the base URL, ids as variables: what observations record
 * @param credentials the credentials
 * @param operation what the request does, for example {@code push} or {@code queue list}
 * @param queueName the queue's name in the application, or {@code ""} for an account-level request
 * @param queueId the queue's id, or {@code ""} when not known
 */
record ApiCall(HttpMethod method, URI uri, String uriTemplate, CloudflareCredentials credentials, String operation,
		String queueName, String queueId) {

}
