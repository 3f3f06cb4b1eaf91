package io.github.cfqueues.emulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one keep-alive connection, one after the other, until the client closes it, asks for
 * {@code Connection: close}, sends a request that cannot be read, or the handler drops the connection.
 */
final class HttpConnection implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(HttpConnection.class);

	private final Socket socket;

	private final HttpExchangeHandler handler;

	private final long maxBodyBytes;

	private final Runnable onClose;

	HttpConnection(Socket socket, HttpExchangeHandler handler, long maxBodyBytes, Runnable onClose) {
		this.socket = socket;
		this.handler = handler;
		this.maxBodyBytes = maxBodyBytes;
		this.onClose = onClose;
	}

	@Override
	public void run() {
		try (Socket socket = this.socket) {
			OutputStream out = socket.getOutputStream();
			HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(socket.getInputStream()), out,
					this.maxBodyBytes);
			serve(reader, out);
		}
		catch (IOException ex) {
			logger.debug("Connection from {} ended", this.socket.getRemoteSocketAddress(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure serving the connection from {}", this.socket.getRemoteSocketAddress(), ex);
		}
		finally {
			this.onClose.run();
		}
	}

	private void serve(HttpRequestReader reader, OutputStream out) throws IOException, InterruptedException {
		while (true) {
			RawRequest request;
			try {
				request = reader.read();
			}
			catch (HttpProtocolException ex) {
				out.write(HttpResponseWriter.encodeRefusal(ex.status(), ex.getMessage()));
				out.flush();
				return;
			}
			if (request == null) {
				return;
			}
			ApiResponse response = this.handler.handle(request);
			if (response == null) {
				reset();
				return;
			}
			out.write(HttpResponseWriter.encode(response, !request.keepAlive(), request.isHead()));
			out.flush();
			if (!request.keepAlive()) {
				return;
			}
		}
	}

	/**
	 * Closes the connection with a TCP reset rather than an orderly close, as a crashed server would.
	 */
	private void reset() throws IOException {
		this.socket.setSoLinger(true, 0);
		this.socket.close();
	}

}
