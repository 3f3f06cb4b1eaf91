package io.github.cfqueues.emulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.x requests off one connection: request line, header fields, and a body framed by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}. Answers {@code Expect: 100-continue} before
 * reading the body. Requests it cannot accept fail with the status to answer: 400 when malformed, 413 when the
 * body is larger than the limit, 417 for an expectation other than {@code 100-continue}, 501 for a transfer coding
 * other than chunked.
 */
final class HttpRequestReader {

	static final int MAX_LINE_BYTES = 8 * 1024;

	static final int MAX_HEADER_BYTES = 64 * 1024;

	static final int MAX_HEADER_FIELDS = 200;

	private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private final InputStream in;

	private final OutputStream out;

	private final long maxBodyBytes;

	HttpRequestReader(InputStream in, OutputStream out, long maxBodyBytes) {
		this.in = in;
		this.out = out;
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Reads the next request.
	 * @return the request, or {@code null} if the client closed the connection between requests
	 * @throws HttpProtocolException if the request cannot be accepted
	 * @throws IOException if the connection fails or closes within a request
	 */
	@Nullable RawRequest read() throws HttpProtocolException, IOException {
		String requestLine = readLine(true);
		while (requestLine != null && requestLine.isEmpty()) {
			requestLine = readLine(true);
		}
		if (requestLine == null) {
			return null;
		}
		String[] parts = requestLine.split(" ", -1);
		if (parts.length != 3 || !isToken(parts[0]) || parts[1].isEmpty()) {
			throw badRequest("malformed request line");
		}
		String version = parts[2];
		if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
			throw badRequest("unsupported HTTP version " + version);
		}
		RequestHeaders headers = readHeaders();
		boolean http11 = version.equals("HTTP/1.1");
		boolean keepAlive = http11 ? !headers.containsToken("Connection", "close")
				: headers.containsToken("Connection", "keep-alive");
		String target = originForm(parts[1]);
		int queryStart = target.indexOf('?');
		String path = (queryStart >= 0) ? target.substring(0, queryStart) : target;
		String query = (queryStart >= 0) ? target.substring(queryStart + 1) : "";
		byte[] body = readBody(headers, http11);
		return new RawRequest(parts[0], path, query, headers, body, keepAlive);
	}

	private RequestHeaders readHeaders() throws HttpProtocolException, IOException {
		RequestHeaders headers = new RequestHeaders();
		int fields = 0;
		int bytes = 0;
		for (String line = requireLine(); !line.isEmpty(); line = requireLine()) {
			bytes += line.length();
			if (++fields > MAX_HEADER_FIELDS || bytes > MAX_HEADER_BYTES) {
				throw badRequest("too many or too large header fields");
			}
			int colon = line.indexOf(':');
			if (colon <= 0 || !isToken(line.substring(0, colon))) {
				throw badRequest("malformed header field");
			}
			headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
		}
		return headers;
	}

	private byte[] readBody(RequestHeaders headers, boolean http11) throws HttpProtocolException, IOException {
		String transferEncoding = headers.first("Transfer-Encoding");
		boolean chunked = false;
		if (transferEncoding != null) {
			if (!headers.all("Content-Length").isEmpty()) {
				throw badRequest("both Content-Length and Transfer-Encoding");
			}
			if (!transferEncoding.strip().equalsIgnoreCase("chunked") || headers.all("Transfer-Encoding").size() > 1) {
				throw new HttpProtocolException(501, "only the chunked transfer coding is supported");
			}
			chunked = true;
		}
		long contentLength = chunked ? -1 : contentLength(headers);
		if (contentLength > this.maxBodyBytes) {
			throw tooLarge();
		}
		if (!chunked && contentLength == 0) {
			return new byte[0];
		}
		answerExpectation(headers, http11);
		return chunked ? readChunked() : readExactly((int) contentLength);
	}

	private long contentLength(RequestHeaders headers) throws HttpProtocolException {
		long length = 0;
		String seen = null;
		for (String value : headers.all("Content-Length")) {
			if (!value.matches("[0-9]{1,18}") || (seen != null && !seen.equals(value))) {
				throw badRequest("invalid Content-Length");
			}
			seen = value;
			length = Long.parseLong(value);
		}
		return length;
	}

	private void answerExpectation(RequestHeaders headers, boolean http11) throws HttpProtocolException, IOException {
		String expect = headers.first("Expect");
		if (expect == null || !http11) {
			return;
		}
		if (!expect.strip().equalsIgnoreCase("100-continue")) {
			throw new HttpProtocolException(417, "unsupported expectation " + expect);
		}
		this.out.write(CONTINUE);
		this.out.flush();
	}

	private byte[] readChunked() throws HttpProtocolException, IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = requireLine();
			int extension = sizeLine.indexOf(';');
			String hex = ((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).strip();
			if (!hex.matches("[0-9a-fA-F]{1,15}")) {
				throw badRequest("malformed chunk size");
			}
			long size = Long.parseLong(hex, 16);
			if (size == 0) {
				break;
			}
			if (body.size() + size > this.maxBodyBytes) {
				throw tooLarge();
			}
			body.write(readExactly((int) size));
			if (!requireLine().isEmpty()) {
				throw badRequest("chunk data not followed by CRLF");
			}
		}
		int trailerBytes = 0;
		for (String trailer = requireLine(); !trailer.isEmpty(); trailer = requireLine()) {
			trailerBytes += trailer.length();
			if (trailerBytes > MAX_HEADER_BYTES) {
				throw badRequest("trailer fields too large");
			}
		}
		return body.toByteArray();
	}

	private byte[] readExactly(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length < length) {
			throw new EOFException("connection closed within the request body");
		}
		return bytes;
	}

	private String requireLine() throws HttpProtocolException, IOException {
		String line = readLine(false);
		if (line == null) {
			throw new EOFException("connection closed within the request");
		}
		return line;
	}

	/**
	 * Reads a line ended by LF (an optional CR before it dropped).
	 * @param endAllowed whether the connection may end before the line starts
	 * @return the line, or {@code null} if the connection ended before it when that is allowed
	 */
	private @Nullable String readLine(boolean endAllowed) throws HttpProtocolException, IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				if (endAllowed && line.size() == 0) {
					return null;
				}
				throw new EOFException("connection closed within a line");
			}
			if (b == '\n') {
				break;
			}
			if (line.size() == MAX_LINE_BYTES) {
				throw badRequest("line longer than " + MAX_LINE_BYTES + " bytes");
			}
			line.write(b);
		}
		byte[] bytes = line.toByteArray();
		int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
		return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Turns an absolute-form target ({@code http://host/path}) into origin form ({@code /path}).
	 */
	private static String originForm(String target) throws HttpProtocolException {
		if (target.startsWith("/")) {
			return target;
		}
		int scheme = target.indexOf("://");
		if (scheme > 0) {
			int pathStart = target.indexOf('/', scheme + 3);
			return (pathStart >= 0) ? target.substring(pathStart) : "/";
		}
		throw badRequest("malformed request target");
	}

	private static boolean isToken(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private static HttpProtocolException badRequest(String reason) {
		return new HttpProtocolException(400, reason);
	}

	private HttpProtocolException tooLarge() {
		return new HttpProtocolException(413, "request body larger than " + this.maxBodyBytes + " bytes");
	}

}
