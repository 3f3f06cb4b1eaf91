package io.github.cfqueues.client.api;

/**
 * Cloudflare's limits on what a push may carry, and the size rule they are measured by: a message's size is the
 * UTF-8 bytes of its body as sent plus {@value #MESSAGE_OVERHEAD_BYTES} bytes Cloudflare counts for its metadata.
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

	private QueueLimits() {
	}

	/**
	 * The size of a message whose body, as sent, is the given text.
	 * @param body the body's text (a string for text messages, the JSON text for json ones)
	 * @return its UTF-8 length plus the overhead
	 */
	public static long messageSize(String body) {
		return utf8Length(body) + MESSAGE_OVERHEAD_BYTES;
	}

	static long utf8Length(String text) {
		long bytes = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
