package io.github.cfqueues.emulator;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random hex identifiers for queues, consumers, messages, leases and {@code cf-ray} headers.
 */
final class RandomIds {

	private RandomIds() {
	}

	static String messageId() {
		return hex(16);
	}

	/**
	 * Returns an id for a queue or consumer created over the API.
	 */
	static String resourceId() {
		return hex(16);
	}

	static String leaseId() {
		return hex(24);
	}

	static String cfRay() {
		return hex(8) + "-EMU";
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
