package io.github.cfqueues.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes a whole HTTP/1.1 response, status line, header fields and body, into one byte array, so that it goes out
 * in a single write: a response split over two writes waits for the client's delayed ACK (about 40 ms).
 */
final class HttpResponseWriter {

	private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"),
			Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
			Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
			Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"), Map.entry(417, "Expectation Failed"),
			Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
			Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
			Map.entry(504, "Gateway Timeout"));

	private HttpResponseWriter() {
	}

	/**
	 * Encodes a response.
	 * @param response the response
	 * @param closeConnection whether to announce {@code Connection: close}
	 * @param headOnly whether to leave the body out (an answer to {@code HEAD})
	 * @return the bytes to write
	 */
	static byte[] encode(ApiResponse response, boolean closeConnection, boolean headOnly) {
		StringBuilder head = new StringBuilder(256);
		head.append("HTTP/1.1 ").append(response.status()).append(' ')
			.append(REASONS.getOrDefault(response.status(), "")).append("\r\n");
		head.append("Content-Type: ").append(response.contentType()).append("\r\n");
		response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(response.body().length).append("\r\n");
		if (closeConnection) {
			head.append("Connection: close\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(headBytes.length + response.body().length);
		bytes.writeBytes(headBytes);
		if (!headOnly) {
			bytes.writeBytes(response.body());
		}
		return bytes.toByteArray();
	}

	/**
	 * Encodes the plain-text answer to a request the server could not read; it always closes the connection.
	 * @param status the status
	 * @param reason why the request was refused
	 * @return the bytes to write
	 */
	static byte[] encodeRefusal(int status, String reason) {
		byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
		return encode(new ApiResponse(status, Map.of(), "text/plain; charset=utf-8", body), true, false);
	}

}
