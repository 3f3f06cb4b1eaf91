package io.github.cfqueues.emulator;

/**
 * An HTTP request as read off a connection, body complete.
 *
 * @param method the request method, such as {@code POST}
 * @param path the raw path of the request target, without the query
 * @param query the raw query, without {@code ?}; empty when there is none
 * @param headers the header fields
 * @param body the body, empty when there is none
 * @param keepAlive whether the connection stays open after the answer
 */
record RawRequest(String method, String path, String query, RequestHeaders headers, byte[] body,
		boolean keepAlive) {

	boolean isHead() {
		return "HEAD".equals(this.method);
	}

}
