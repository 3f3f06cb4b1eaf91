package io.github.cfqueues.emulator;

/**
 * The size rule Cloudflare applies to messages: UTF-8 bytes of the body as sent plus a fixed overhead.
 */
final class MessageSize {

	static final int OVERHEAD_BYTES = 100;

	static final int MAX_MESSAGE_BYTES = 128_000;

	static final int MAX_BATCH_BYTES = 256_000;

	static final int MAX_BATCH_MESSAGES = 100;

	private MessageSize() {
	}

	static long of(String body) {
		return utf8Length(body) + OVERHEAD_BYTES;
	}

	static long utf8Length(String text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length += 1;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

}
