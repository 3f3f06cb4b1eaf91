package io.github.cfqueues.client.listener;

/**
 * When a listener's messages are acknowledged.
 */
public enum AcknowledgementMode {

	/**
	 * Acknowledged when the handler succeeds; retried after a growing delay when it fails. The default.
	 */
	ON_SUCCESS,

	/**
	 * Left to the handler, which gets an {@link Acknowledgement} (or the message itself) to settle it; a message it
	 * leaves unsettled comes back after its lease.
	 */
	MANUAL,

	/**
	 * Acknowledged when the handler ends, even when it failed: for messages that must not come back.
	 */
	ALWAYS

}
