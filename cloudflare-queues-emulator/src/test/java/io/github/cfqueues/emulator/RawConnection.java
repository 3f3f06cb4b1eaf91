package io.github.cfqueues.emulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One plain TCP connection to the emulator, for tests of the HTTP layer: writes bytes as given and reads responses
 * framed by {@code Content-Length}.
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	RawConnection(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(10_000);
		this.out = this.socket.getOutputStream();
		this.in = new BufferedInputStream(this.socket.getInputStream());
	}

	static String post(String path, String body, String... extraHeaders) {
		return "POST /client/v4" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
				+ ApiClient.TOKEN + "\r\n" + String.join("", extraHeaders) + "Content-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	RawConnection send(String text) throws IOException {
		this.out.write(text.getBytes(StandardCharsets.UTF_8));
		this.out.flush();
		return this;
	}

	Response read() throws IOException {
		String statusLine = readLine();
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		byte[] body = this.in.readNBytes(length);
		return new Response(Integer.parseInt(statusLine.split(" ")[1]), statusLine, headers,
				new String(body, StandardCharsets.UTF_8));
	}

	/**
	 * Reads until the server closes the connection.
	 * @return the number of further bytes received, or -1 if the connection was reset
	 */
	int readToEnd() {
		try {
			return this.in.readAllBytes().length;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("connection closed after: " + line);
			}
			line.write(b);
		}
		String text = line.toString(StandardCharsets.ISO_8859_1);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	record Response(int status, String statusLine, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
