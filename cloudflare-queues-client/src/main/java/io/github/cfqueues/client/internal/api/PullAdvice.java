package io.github.cfqueues.client.internal.api;

import io.github.cfqueues.client.error.FailureDetails;

/**
 * What to add to the error of a pull that a missing HTTP pull consumer can explain. Cloudflare documents no code
 * for a pull from a queue without one, so a not-found or rejected pull gets the advice, unless its code says
 * otherwise (a paused queue, a malformed id, a wrong URL).
 */
final class PullAdvice {

	static final String PULL = "pull";

	private static final int PAUSED = 11014;

	private static final int QUEUE_NOT_FOUND = 10104;

	private static final int MALFORMED_ID = 10107;

	private static final int NO_ROUTE = 7003;

	private PullAdvice() {
	}

	static String of(FailureDetails details) {
		if (!PULL.equals(details.operation()) || details.hasCode(PAUSED) || details.hasCode(MALFORMED_ID)
				|| details.hasCode(NO_ROUTE)) {
			return "";
		}
		int status = details.httpStatus();
		boolean explainable = details.hasCode(QUEUE_NOT_FOUND) || status == 400 || status == 404 || status == 409
				|| status == 422;
		if (!explainable) {
			return "";
		}
		return ". HTTP pull may not be enabled on this queue: enable it with 'wrangler queues consumer http add "
				+ "<queue name>', or have the consumer create its HTTP pull consumer (QueueConsumerOptions"
				+ ".createIfMissing; in Spring Boot, cloudflare.queues.queues." + details.queueName()
				+ ".consumer.create-if-missing=true)";
	}

}
