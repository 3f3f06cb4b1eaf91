package io.github.cfqueues.client.internal.api;

/**
 * A successful answer whose {@code result} lacks what the call needs, such as the id of a queue it created.
 */
final class UnreadableResultException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnreadableResultException(String problem) {
		super(problem, null, false, false);
	}

}
