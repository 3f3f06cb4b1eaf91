package io.github.cfqueues.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * Runs a JDK {@link HttpServer} on the loopback address with its own pool of daemon threads, and stops both.
 * <p>
 * The JDK server writes response headers and body separately; without {@code TCP_NODELAY} every keep-alive
 * answer waits for the client's delayed ACK (about 40 ms). So, unless set otherwise, this class sets the JDK's
 * {@code sun.net.httpserver.nodelay} system property, which the JDK reads once, when its first server starts.
 */
final class HttpServerRunner {

	private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

	static {
		if (System.getProperty(NO_DELAY_PROPERTY) == null) {
			System.setProperty(NO_DELAY_PROPERTY, "true");
		}
	}

	private static final AtomicInteger serverCount = new AtomicInteger();

	private final HttpServer server;

	private final ExecutorService executor;

	private HttpServerRunner(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	static HttpServerRunner start(int port, HttpHandler handler) {
		InetSocketAddress address = new InetSocketAddress(loopback(), port);
		HttpServer server;
		try {
			server = HttpServer.create(address, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on " + address, ex);
		}
		ExecutorService executor = Executors.newCachedThreadPool(threadFactory());
		server.createContext("/", handler);
		server.setExecutor(executor);
		server.start();
		return new HttpServerRunner(server, executor);
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static InetAddress loopback() {
		try {
			return InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ThreadFactory threadFactory() {
		String prefix = "cf-queues-emulator-" + serverCount.incrementAndGet() + "-";
		AtomicInteger threadCount = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
