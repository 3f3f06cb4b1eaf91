package io.github.cfqueues.autoconfigure;

import java.time.Duration;

import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.publish.GracefulShutdown;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Shuts the publishers down when the context stops: new pushes fail at once, buffered messages are sent within the
 * shutdown timeout, and what is left fails. Its {@link #PHASE phase} runs after the web server has drained (so
 * requests still being handled can push) and before the HTTP client's resources close (so the messages can go).
 */
public final class CloudflareQueuesPublisherLifecycle implements SmartLifecycle {

	/**
	 * Below the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and stop ({@code DEFAULT_PHASE -
	 * 2048}), and below a listener container's {@link #LISTENER_CONTAINER_PHASE phase}; above the HTTP client's
	 * {@code ReactorResourceFactory} (0).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

	/**
	 * The phase for consumers: they stop before the publishers flush.
	 */
	public static final int LISTENER_CONTAINER_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final ObjectProvider<QueuePublisher> publishers;

	private final Duration timeout;

	private volatile boolean running;

	CloudflareQueuesPublisherLifecycle(ObjectProvider<QueuePublisher> publishers, Duration timeout) {
		this.publishers = publishers;
		this.timeout = timeout;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		throw new UnsupportedOperationException("Stop must not be invoked directly");
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		Flux.fromStream(this.publishers.orderedStream())
			.ofType(GracefulShutdown.class)
			.flatMap((publisher) -> publisher.shutdown(this.timeout))
			.doFinally((signal) -> callback.run())
			.subscribe();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
