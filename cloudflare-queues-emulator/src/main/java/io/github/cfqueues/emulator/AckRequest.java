package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.List;

/**
 * The lease ids an ack request acknowledges and the ones it retries.
 */
record AckRequest(List<String> acks, List<Retry> retries) {

	/**
	 * A leased message to deliver again after a delay.
	 */
	record Retry(String leaseId, Duration delay) {
	}

}
