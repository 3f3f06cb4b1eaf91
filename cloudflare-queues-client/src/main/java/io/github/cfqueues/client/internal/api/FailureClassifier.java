package io.github.cfqueues.client.internal.api;

import java.util.Locale;

import io.github.cfqueues.client.error.ApiError;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.MessageRejectedException;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.error.QueueRequestException;
import io.github.cfqueues.client.error.QueueServerException;
import io.github.cfqueues.client.error.QueueUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed answer into the exception that says what a caller can do: by Cloudflare error code first (the
 * first code it knows wins), then by HTTP status.
 */
final class FailureClassifier {

	private static final int QUEUE_NAME_TAKEN = 11009;

	private static final int CONSUMER_EXISTS = 11011;

	private FailureClassifier() {
	}

	static CloudflareQueuesException classify(FailureDetails details, @Nullable String nonEnvelopeBody) {
		String advice = PullAdvice.of(details);
		for (ApiError error : details.errors()) {
			CloudflareQueuesException byCode = byCode(error.code(), details, advice);
			if (byCode != null) {
				return byCode;
			}
		}
		return byStatus(details, nonEnvelopeBody, advice);
	}

	private static @Nullable CloudflareQueuesException byCode(int code, FailureDetails details, String advice) {
		return switch (code) {
			case 10000, 10106 -> new QueueAuthenticationException("Cloudflare refused the credentials", details, null);
			case 10104 -> new QueueNotFoundException("The queue does not exist" + advice, details, null);
			case 10107 -> new QueueNotFoundException("Cloudflare found the queue id malformed", details, null);
			case 7003 -> new QueueNotFoundException("No Cloudflare API route for the URL (check base-url)", details,
					null);
			case 10201 -> new QueueServerException("Cloudflare lost the client connection", details, null);
			case 10202, 10203, 10204, 10205, 10206, 10207, 10208 ->
				new MessageRejectedException("Cloudflare rejected the request", details, null);
			case QueueRateLimitedException.QUEUE_OVERLOADED ->
				new QueueRateLimitedException("The queue is overloaded", details, null);
			case 10251 -> new QueueUnavailableException("The queue's storage limit is exceeded", details, null);
			case 10252 -> new QueueUnavailableException("The queue is disabled", details, null);
			case 10253 -> new QueueUnavailableException("The account's free tier limit is exceeded", details, null);
			case 15000 -> new QueueServerException("Cloudflare had an internal error", details, null);
			default -> null;
		};
	}

	private static CloudflareQueuesException byStatus(FailureDetails details, @Nullable String nonEnvelopeBody,
			String advice) {
		int status = details.httpStatus();
		String answer = ((nonEnvelopeBody != null) ? " (answer was not the API's JSON: " + nonEnvelopeBody + ")" : "")
				+ advice;
		if (status == 401 || status == 403) {
			return new QueueAuthenticationException("Cloudflare refused the credentials" + answer, details, null);
		}
		if (status == 404) {
			return new QueueNotFoundException("Not found" + answer, details, null);
		}
		if (status == 429) {
			return new QueueRateLimitedException("Rate limited" + answer, details, null);
		}
		if (status == 400 || status == 413 || status == 422) {
			return new MessageRejectedException("Cloudflare rejected the request" + answer, details, null);
		}
		if (status >= 200 && status < 300 && nonEnvelopeBody != null) {
			return new QueueServerException("Cloudflare answered HTTP " + status + answer
					+ ": the request may have taken effect (a pushed message may have been stored, and a retry may "
					+ "store it twice)", details, null);
		}
		if (status == 409 && saysAlreadyExists(details)) {
			return new QueueRequestException("It already exists" + answer, details, null);
		}
		if (status == 409 && saysDeliveryPaused(details)) {
			return new QueueServerException("Delivery is paused on the queue: pulls are refused until it is resumed"
					+ answer, details, null);
		}
		if (status == 408 || status == 409 || status >= 500) {
			return new QueueServerException("Cloudflare could not handle the request" + answer, details, null);
		}
		return new QueueRequestException("Cloudflare answered with an error" + answer, details, null);
	}

	/**
	 * A conflict that no retry can resolve: the queue name is taken (11009), the queue already has a consumer
	 * (11011), or an answer saying so in words. Cloudflare's other conflicts are transient, and retried.
	 */
	private static boolean saysAlreadyExists(FailureDetails details) {
		return details.errors()
			.stream()
			.anyMatch((error) -> error.code() == QUEUE_NAME_TAKEN || error.code() == CONSUMER_EXISTS
					|| error.message().toLowerCase(Locale.ROOT).contains("already"));
	}

	private static boolean saysDeliveryPaused(FailureDetails details) {
		return details.errors().stream().anyMatch((error) -> error.message().contains("queue_delivery_paused"));
	}

}
