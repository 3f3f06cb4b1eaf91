package io.github.cfqueues.client.internal.api;

import io.github.cfqueues.client.QueueMetrics;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a pull: the leased messages, possibly none (pulls do not wait for messages).
 *
 * @param messages the leased messages
 * @param backlogCount the messages left in the queue, when Cloudflare said
 * @param metrics the queue's backlog metrics, empty when not sent
 */
public record PullResponse(List<PulledMessage> messages, @Nullable Long backlogCount, QueueMetrics metrics) {

	public PullResponse {
		messages = List.copyOf(messages);
	}

}
