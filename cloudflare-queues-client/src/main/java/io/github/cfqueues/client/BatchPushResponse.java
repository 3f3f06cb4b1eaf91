package io.github.cfqueues.client;

import java.util.List;

/**
 * The outcome of {@link QueuePublisher#pushBatch(List)}: every message was accepted. The messages may have travelled
 * in several requests (at most 100 messages and 256,000 bytes each); {@link #responses()} holds Cloudflare's
 * answer to each request, in order.
 *
 * @param messageCount how many messages were pushed
 * @param responses the answer to each request, in the order sent
 */
public record BatchPushResponse(int messageCount, List<MessagePushResponse> responses) {

	public BatchPushResponse {
		responses = List.copyOf(responses);
	}

	/**
	 * How many HTTP requests carried the messages.
	 * @return the request count
	 */
	public int requestCount() {
		return this.responses.size();
	}

	/**
	 * The metrics of the last answer: the freshest view of the queue's backlog.
	 * @return the metrics, empty when Cloudflare sent none or nothing was sent
	 */
	public QueueMetrics metrics() {
		return this.responses.isEmpty() ? QueueMetrics.none() : this.responses.get(this.responses.size() - 1).metrics();
	}

}
