package io.github.cfqueues.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} on a free loopback port for the shared-limit scenario, nothing saved to disk: the one
 * {@code REDIS_SERVER} names, else the one on the {@code PATH}.
 */
final class RedisServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private RedisServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Finds the binary, failing at once when there is none.
	 * @return the binary
	 */
	static Path binary() {
		String configured = System.getenv("REDIS_SERVER");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(directory.isEmpty() ? "." : directory, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("The shared-limit scenario needs a redis-server: install it (Debian: "
				+ "apt-get install redis-server), set REDIS_SERVER to one, or leave the scenario out with --only");
	}

	/**
	 * Starts a server.
	 * @param binary the binary
	 * @return the running server
	 */
	static RedisServerProcess start(Path binary) {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		try {
			Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			RedisServerProcess server = new RedisServerProcess(process, port);
			for (int attempt = 0; attempt < 200 && process.isAlive(); attempt++) {
				if (server.ping()) {
					return server;
				}
				Thread.sleep(50);
			}
			server.close();
			throw new IllegalStateException(binary + " did not answer on port " + port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + binary, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * Empties the server.
	 */
	void flushAll() {
		send("*1\r\n$8\r\nFLUSHALL\r\n");
	}

	private boolean ping() {
		try {
			return send("*1\r\n$4\r\nPING\r\n").startsWith("+PONG");
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private String send(String command) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(command.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[64];
			int read = in.read(reply);
			return (read > 0) ? new String(reply, 0, read, StandardCharsets.US_ASCII) : "";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
