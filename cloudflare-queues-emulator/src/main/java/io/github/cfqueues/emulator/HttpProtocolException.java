package io.github.cfqueues.emulator;

/**
 * A request the HTTP server cannot read, with the status to answer before closing the connection.
 */
final class HttpProtocolException extends Exception {

	private final int status;

	HttpProtocolException(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
