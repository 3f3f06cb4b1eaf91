package io.github.cfqueues.client;

import java.util.Objects;

/**
 * Cloudflare's answer to an accepted push: {@code result.metadata.metrics}. Older deployments answer with no
 * {@code result}; the metrics are then {@link QueueMetrics#none() empty}, never {@code null}. Cloudflare returns
 * no message id.
 *
 * @param metadata the answer's metadata
 */
public record MessagePushResponse(Metadata metadata) {

	private static final MessagePushResponse EMPTY = new MessagePushResponse(new Metadata(QueueMetrics.none()));

	public MessagePushResponse {
		Objects.requireNonNull(metadata, "metadata must not be null");
	}

	/**
	 * An answer that carried no {@code result}.
	 * @return the empty answer
	 */
	public static MessagePushResponse empty() {
		return EMPTY;
	}

	/**
	 * An answer carrying the given metrics.
	 * @param metrics the metrics
	 * @return the answer
	 */
	public static MessagePushResponse of(QueueMetrics metrics) {
		return metrics.isKnown() ? new MessagePushResponse(new Metadata(metrics)) : EMPTY;
	}

	/**
	 * Shortcut for {@code metadata().metrics()}.
	 * @return the backlog metrics, empty when Cloudflare sent none
	 */
	public QueueMetrics metrics() {
		return this.metadata.metrics();
	}

	/**
	 * The {@code metadata} object of a push answer.
	 *
	 * @param metrics the queue's backlog after the push
	 */
	public record Metadata(QueueMetrics metrics) {

		public Metadata {
			Objects.requireNonNull(metrics, "metrics must not be null");
		}

	}

}
