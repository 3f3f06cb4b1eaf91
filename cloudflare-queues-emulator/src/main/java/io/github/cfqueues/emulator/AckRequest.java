package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The lease ids an ack request acknowledges and the ones it retries.
 */
record AckRequest(List<String> acks, List<Retry> retries) {

	/**
	 * A leased message to deliver again after a delay; {@code null} for the consumer's retry delay.
	 */
	record Retry(String leaseId, @Nullable Duration delay) {
	}

}
