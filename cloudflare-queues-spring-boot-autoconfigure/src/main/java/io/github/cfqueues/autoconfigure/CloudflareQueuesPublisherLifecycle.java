package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.listener.QueueListenerContainerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Shuts the publishers down when the context stops: new pushes fail at once, buffered messages are sent within the
 * shutdown timeout, and what is left fails. The {@link CloudflareQueuesClient} stops only the publishers it created
 * (stopping never creates a bean, lazy or not), one publisher's failure to stop does not hold up the others, and
 * the phase always ends. Its {@link #PHASE phase} runs after the web server has drained (so
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
	 * The phase of the listener containers: they stop before the publishers flush.
	 */
	public static final int LISTENER_CONTAINER_PHASE = QueueListenerContainerRegistry.PHASE;

	private static final Logger logger = LoggerFactory.getLogger(CloudflareQueuesPublisherLifecycle.class);

	private final Function<Duration, Mono<Void>> shutdown;

	private final Duration timeout;

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param shutdown shuts the publishers down within a timeout, as {@link CloudflareQueuesClient#shutdown(Duration)}
	 * does
	 * @param timeout the shutdown timeout
	 */
	CloudflareQueuesPublisherLifecycle(Function<Duration, Mono<Void>> shutdown, Duration timeout) {
		this.shutdown = shutdown;
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
		AtomicBoolean ended = new AtomicBoolean();
		Runnable end = () -> {
			if (ended.compareAndSet(false, true)) {
				callback.run();
			}
		};
		try {
			Mono.defer(() -> this.shutdown.apply(this.timeout))
				.doFinally((signal) -> end.run())
				.subscribe(null, (ex) -> logger.warn("Shutting down the Cloudflare Queues publishers failed", ex));
		}
		catch (RuntimeException ex) {
			logger.warn("Shutting down the Cloudflare Queues publishers failed", ex);
			end.run();
		}
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
