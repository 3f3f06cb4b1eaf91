package io.github.cfqueues.client.internal.publish;

import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.client.QueueLimits;
import io.github.cfqueues.client.internal.api.EncodedMessage;

/**
 * Splits messages, in order, into as few batches as Cloudflare's limits allow: at most
 * {@value QueueLimits#MAX_BATCH_MESSAGES} messages and {@value QueueLimits#MAX_BATCH_BYTES} bytes each. Every
 * message must already be within the per-message limit.
 */
public final class BatchSplitter {

	private BatchSplitter() {
	}

	/**
	 * Splits the messages.
	 * @param messages the messages, each at most {@value QueueLimits#MAX_MESSAGE_BYTES} bytes
	 * @return the batches, in order, none empty
	 */
	public static List<List<EncodedMessage>> split(List<EncodedMessage> messages) {
		List<List<EncodedMessage>> batches = new ArrayList<>();
		int start = 0;
		long bytes = 0;
		for (int i = 0; i < messages.size(); i++) {
			long size = messages.get(i).size();
			if (!fits(i - start, bytes, size)) {
				batches.add(messages.subList(start, i));
				start = i;
				bytes = 0;
			}
			bytes += size;
		}
		if (start < messages.size()) {
			batches.add(messages.subList(start, messages.size()));
		}
		return batches;
	}

	/**
	 * The total size of a batch.
	 * @param batch the messages
	 * @return the sum of their sizes
	 */
	public static long bytes(List<EncodedMessage> batch) {
		long bytes = 0;
		for (EncodedMessage message : batch) {
			bytes += message.size();
		}
		return bytes;
	}

	/**
	 * Whether one more message fits in a batch.
	 * @param count the messages already in the batch
	 * @param bytes their total size
	 * @param size the size of the next message
	 * @return {@code true} if the batch stays within the limits
	 */
	public static boolean fits(int count, long bytes, long size) {
		return count < QueueLimits.MAX_BATCH_MESSAGES && bytes + size <= QueueLimits.MAX_BATCH_BYTES;
	}

}
