package io.github.cfqueues.client;

import java.time.Duration;

/**
 * Cloudflare's limits: on what a push may carry, and the size rule they are measured by (a message's size is the
 * UTF-8 bytes of its body as sent plus {@value #MESSAGE_OVERHEAD_BYTES} bytes Cloudflare counts for its metadata),
 * and on pulls and acknowledgements.
 */
public final class QueueLimits {

	/**
	 * The bytes Cloudflare counts per message for its own metadata.
	 */
	public static final int MESSAGE_OVERHEAD_BYTES = 100;

	/**
	 * The largest message, overhead included.
	 */
	public static final int MAX_MESSAGE_BYTES = 128_000;

	/**
	 * The largest batch, the sum of its messages' sizes.
	 */
	public static final int MAX_BATCH_BYTES = 256_000;

	/**
	 * The most messages in one batch.
	 */
	public static final int MAX_BATCH_MESSAGES = 100;

	/**
	 * The most messages one pull leases.
	 */
	public static final int MAX_PULL_BATCH = 100;

	/**
	 * The longest visibility timeout of a pull.
	 */
	public static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);

	/**
	 * The most leases one acknowledgement request settles.
	 */
	public static final int MAX_ACK_LEASES = 100;

	private QueueLimits() {
	}

}
