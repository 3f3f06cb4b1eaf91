package io.github.cfqueues.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.cfqueues.client.internal.publish.GracefulShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Shuts the publishers down when the context stops: new pushes fail at once, buffered messages are sent within the
 * shutdown timeout, and what is left fails. Only publishers that were created are stopped (stopping never creates
 * a bean, lazy or not); one publisher's failure to stop does not hold up the others, and the phase always ends. Its {@link #PHASE phase} runs after the web server has drained (so
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

	private static final Logger logger = LoggerFactory.getLogger(CloudflareQueuesPublisherLifecycle.class);

	private final Supplier<List<GracefulShutdown>> publishers;

	private final Duration timeout;

	private volatile boolean running;

	CloudflareQueuesPublisherLifecycle(Supplier<List<GracefulShutdown>> publishers, Duration timeout) {
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
		AtomicBoolean ended = new AtomicBoolean();
		Runnable end = () -> {
			if (ended.compareAndSet(false, true)) {
				callback.run();
			}
		};
		try {
			Flux.fromIterable(this.publishers.get())
				.flatMap((publisher) -> Mono.defer(() -> publisher.shutdown(this.timeout))
					.onErrorResume((ex) -> {
						logger.warn("Shutting down {} failed; its held messages may be lost", publisher, ex);
						return Mono.empty();
					}))
				.doFinally((signal) -> end.run())
				.subscribe();
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
