package io.github.cfqueues.client.error;

import java.util.List;

/**
 * A batch push failed part way: some requests were accepted before one failed for good. Says exactly which
 * messages (by their index in the list given to {@code pushBatch}) Cloudflare accepted, and which were not
 * delivered; the failure of the request that stopped the batch is the {@link #getCause() cause}.
 */
public class BatchPushException extends CloudflareQueuesException {

	private static final long serialVersionUID = 1L;

	private final List<Integer> delivered;

	private final List<Integer> undelivered;

	public BatchPushException(CloudflareQueuesException cause, List<Integer> delivered, List<Integer> undelivered) {
		super(describe(delivered, undelivered, cause), cause.getDetails(), cause);
		this.delivered = List.copyOf(delivered);
		this.undelivered = List.copyOf(undelivered);
	}

	private static String describe(List<Integer> delivered, List<Integer> undelivered,
			CloudflareQueuesException cause) {
		return "Batch push stopped after " + delivered.size() + " of " + (delivered.size() + undelivered.size())
				+ " messages were accepted; messages " + ranges(undelivered) + " were not delivered ("
				+ cause.getClass().getSimpleName() + ")";
	}

	private static String ranges(List<Integer> indexes) {
		if (indexes.isEmpty()) {
			return "[]";
		}
		return "[" + indexes.get(0) + ".." + indexes.get(indexes.size() - 1) + "]";
	}

	/**
	 * The indexes of the messages Cloudflare accepted.
	 * @return the indexes, ascending
	 */
	public List<Integer> getDelivered() {
		return this.delivered;
	}

	/**
	 * The indexes of the messages that were not delivered: push these again.
	 * @return the indexes, ascending
	 */
	public List<Integer> getUndelivered() {
		return this.undelivered;
	}

	/**
	 * The failure of the request that stopped the batch.
	 * @return the cause
	 */
	@Override
	public synchronized CloudflareQueuesException getCause() {
		return (CloudflareQueuesException) super.getCause();
	}

	@Override
	public boolean isRetryable() {
		return getCause().isRetryable();
	}

}
