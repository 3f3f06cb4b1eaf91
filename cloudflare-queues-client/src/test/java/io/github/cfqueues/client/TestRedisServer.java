package io.github.cfqueues.client;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a random loopback port, started and stopped by the test, with nothing saved to
 * disk. The binary is, in this order: the one named by the {@code redis-server} system property or the
 * {@code REDIS_SERVER} environment variable; {@code redis-server} on the {@code PATH} (Debian's package, which
 * {@code .ci/run} installs); the one shipped for this OS and CPU in the {@code embedded-redis} test dependency, so
 * that {@code ./mvnw verify} works on a machine with only a JDK. Without any, starting fails and says how to get
 * one: a test that needs Redis never skips.
 */
public final class TestRedisServer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private static Path binary;

	private final Path directory;

	private int port;

	private Process process;

	private TestRedisServer() {
		try {
			this.directory = Files.createTempDirectory("test-redis");
			this.directory.toFile().deleteOnExit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a server on a free loopback port.
	 * @return the running server
	 */
	public static TestRedisServer start() {
		TestRedisServer server = new TestRedisServer();
		IllegalStateException failure = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			server.port = freePort();
			try {
				server.startProcess();
				return server;
			}
			catch (IllegalStateException ex) {
				failure = ex;
			}
		}
		throw failure;
	}

	/**
	 * The port the server listens on, on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Whether the server is running.
	 * @return {@code true} between start and stop
	 */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Stops the server: its clients' connections drop, and what it held is gone.
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/**
	 * Starts the server again on the same port, empty.
	 */
	public synchronized void restart() {
		stop();
		startProcess();
	}

	/**
	 * Runs a command and returns its reply: a {@code String}, {@code Long} or {@code List} of them, or an
	 * {@link IllegalStateException} for an error reply.
	 * @param arguments the command and its arguments
	 * @return the reply
	 */
	public Object command(String... arguments) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
			for (String argument : arguments) {
				request.append('$')
					.append(argument.getBytes(StandardCharsets.UTF_8).length)
					.append("\r\n")
					.append(argument)
					.append("\r\n");
			}
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			return read(new BufferedInputStream(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every key the server holds.
	 * @return the keys
	 */
	@SuppressWarnings("unchecked")
	public List<String> keys() {
		return (List<String>) command("KEYS", "*");
	}

	/**
	 * Holds every client's commands for a while, as a slow or overloaded server would.
	 * @param duration how long
	 */
	public void pauseClients(Duration duration) {
		command("CLIENT", "PAUSE", Long.toString(duration.toMillis()));
	}

	@Override
	public void close() {
		stop();
	}

	private void startProcess() {
		Path log = this.directory.resolve("redis-" + this.port + ".log");
		log.toFile().deleteOnExit();
		ProcessBuilder builder = new ProcessBuilder(binary().toString(), "--port", Integer.toString(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir",
				this.directory.toString(), "--loglevel", "warning")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + binary() + ": " + ex.getMessage(), ex);
		}
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server (" + binary() + ") stopped at once on port " + this.port
						+ ": " + readQuietly(log));
			}
			try {
				if ("PONG".equals(command("PING"))) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				sleep(20);
			}
		}
		stop();
		throw new IllegalStateException("redis-server did not answer on port " + this.port + " within "
				+ START_TIMEOUT + ": " + readQuietly(log));
	}

	private static synchronized Path binary() {
		if (binary == null) {
			binary = findBinary();
		}
		return binary;
	}

	private static Path findBinary() {
		String configured = System.getProperty("redis-server", System.getenv("REDIS_SERVER"));
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			if (!Files.isExecutable(path)) {
				throw new IllegalStateException("REDIS_SERVER (or -Dredis-server) names " + path
						+ ", which is not an executable file");
			}
			return path;
		}
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(directory.isEmpty() ? "." : directory, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Path shipped = shippedBinary();
		if (shipped != null) {
			return shipped;
		}
		throw new IllegalStateException("No redis-server found: the shared rate-limiter tests need a real Redis. "
				+ "Install it (Debian or Ubuntu: apt-get install redis-server; macOS: brew install redis), or set "
				+ "REDIS_SERVER to its path. No binary of the embedded-redis test dependency fits "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + " here. .ci/run installs "
				+ "Debian's package when redis-server is missing.");
	}

	/**
	 * The redis-server that the embedded-redis jar ships for this OS and CPU, copied out and checked to run.
	 */
	private static Path shippedBinary() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		boolean arm = arch.equals("aarch64") || arch.equals("arm64");
		boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
		String resource = null;
		if (os.contains("linux")) {
			resource = x64 ? "redis-server-6.2.6-v5-linux-amd64" : arm ? "redis-server-6.2.7-linux-arm64" : null;
		}
		else if (os.contains("mac")) {
			resource = x64 ? "redis-server-6.2.6-v5-darwin-amd64" : arm ? "redis-server-6.2.6-v5-darwin-arm64" : null;
		}
		if (resource == null) {
			return null;
		}
		try (InputStream in = TestRedisServer.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				return null;
			}
			Path directory = Files.createTempDirectory("embedded-redis");
			directory.toFile().deleteOnExit();
			Path target = directory.resolve(resource);
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			target.toFile().deleteOnExit();
			if (!target.toFile().setExecutable(true)) {
				return null;
			}
			Process version = new ProcessBuilder(target.toString(), "--version").redirectErrorStream(true).start();
			boolean ran = version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
			return ran ? target : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Object read(InputStream in) throws IOException {
		int type = in.read();
		String line = readLine(in);
		switch (type) {
			case '+':
				return line;
			case '-':
				throw new IllegalStateException("Redis answered: " + line);
			case ':':
				return Long.parseLong(line);
			case '$': {
				int length = Integer.parseInt(line);
				if (length < 0) {
					return null;
				}
				byte[] bytes = in.readNBytes(length + 2);
				return new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			case '*': {
				int count = Integer.parseInt(line);
				List<Object> items = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					items.add(read(in));
				}
				return items;
			}
			default:
				throw new IOException("Unexpected reply type " + type);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\r') {
			if (c == -1) {
				throw new IOException("Connection closed");
			}
			line.append((char) c);
		}
		in.read();
		return line.toString();
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "TestRedisServer[127.0.0.1:" + this.port + "]";
	}

}
