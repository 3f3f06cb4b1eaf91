package io.github.cfqueues.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on plain blocking sockets bound to the loopback address: an accept loop on one thread
 * and one thread per connection, every one of them a daemon thread named {@code cf-queues-emulator-<n>-...}.
 * Each accepted socket gets {@code TCP_NODELAY}; no JVM-wide setting is touched. {@link #stop()} closes the
 * listener and every open connection, and interrupts handlers still at work.
 */
final class HttpServerRunner {

	/** The largest request body accepted; larger ones are answered 413. */
	static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

	static final String THREAD_NAME_PREFIX = "cf-queues-emulator-";

	private static final Logger logger = LoggerFactory.getLogger(HttpServerRunner.class);

	private static final AtomicInteger serverCount = new AtomicInteger();

	private final ServerSocket listener;

	private final HttpExchangeHandler handler;

	private final ExecutorService connections;

	private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();

	private final Thread acceptor;

	private volatile boolean stopped;

	private HttpServerRunner(ServerSocket listener, HttpExchangeHandler handler) {
		String prefix = THREAD_NAME_PREFIX + serverCount.incrementAndGet() + "-";
		this.listener = listener;
		this.handler = handler;
		this.connections = Executors.newCachedThreadPool(daemonThreads(prefix + "connection-"));
		this.acceptor = new Thread(this::acceptLoop, prefix + "acceptor");
		this.acceptor.setDaemon(true);
	}

	static HttpServerRunner start(int port, HttpExchangeHandler handler) {
		InetSocketAddress address = new InetSocketAddress(loopback(), port);
		ServerSocket listener;
		try {
			listener = new ServerSocket();
			listener.setReuseAddress(true);
			listener.bind(address, 128);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on " + address, ex);
		}
		HttpServerRunner server = new HttpServerRunner(listener, handler);
		server.acceptor.start();
		return server;
	}

	int port() {
		return this.listener.getLocalPort();
	}

	void stop() {
		this.stopped = true;
		closeQuietly(this.listener);
		this.openSockets.forEach(HttpServerRunner::closeQuietly);
		this.connections.shutdownNow();
		try {
			this.acceptor.join(TimeUnit.SECONDS.toMillis(5));
			this.connections.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void acceptLoop() {
		while (!this.stopped) {
			Socket socket;
			try {
				socket = this.listener.accept();
			}
			catch (IOException ex) {
				if (this.stopped || this.listener.isClosed()) {
					return;
				}
				logger.warn("Accepting a connection failed", ex);
				pauseAfterFailedAccept();
				continue;
			}
			serve(socket);
		}
	}

	/**
	 * Waits a moment, so that a persistent failure such as running out of file descriptors does not spin.
	 */
	private void pauseAfterFailedAccept() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopped = true;
		}
	}

	private void serve(Socket socket) {
		this.openSockets.add(socket);
		try {
			if (this.stopped) {
				throw new RejectedExecutionException("stopped");
			}
			socket.setTcpNoDelay(true);
			this.connections.execute(new HttpConnection(socket, this.handler, MAX_BODY_BYTES,
					() -> this.openSockets.remove(socket)));
		}
		catch (IOException | RejectedExecutionException ex) {
			this.openSockets.remove(socket);
			closeQuietly(socket);
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

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger threadCount = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			logger.debug("Closing {} failed", closeable, ex);
		}
	}

}
