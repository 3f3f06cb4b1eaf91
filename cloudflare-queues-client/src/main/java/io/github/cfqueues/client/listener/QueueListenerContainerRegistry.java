package io.github.cfqueues.client.listener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * Holds every listener's container: starts those that start with the application, stops them all before the
 * publishers flush (its {@link #PHASE phase}), and starts or stops one by its id.
 */
public final class QueueListenerContainerRegistry implements SmartLifecycle {

	/**
	 * Above the publishers' phase ({@code DEFAULT_PHASE - 8192}), so the listeners stop first; below the web
	 * server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and stop ({@code DEFAULT_PHASE - 2048}).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(QueueListenerContainerRegistry.class);

	private final Map<String, QueueListenerContainer> containers = new LinkedHashMap<>();

	private volatile boolean running;

	/**
	 * Adds a container; it starts with the registry if it {@link QueueListenerContainer#isAutoStartup() says so}.
	 * @param container the container
	 * @throws IllegalArgumentException if another container has its id
	 */
	public synchronized void register(QueueListenerContainer container) {
		Objects.requireNonNull(container, "container must not be null");
		if (this.containers.putIfAbsent(container.id(), container) != null) {
			throw new IllegalArgumentException("Two queue listeners have the id '" + container.id()
					+ "'; give one another id (@QueueListener(id = ...))");
		}
	}

	/**
	 * The container with the given id.
	 * @param id the id
	 * @return the container
	 * @throws IllegalArgumentException if none has that id; the message lists the ids there are
	 */
	public synchronized QueueListenerContainer container(String id) {
		QueueListenerContainer container = this.containers.get(id);
		if (container == null) {
			throw new IllegalArgumentException("No queue listener has the id '" + id + "'; known ids: "
					+ this.containers.keySet());
		}
		return container;
	}

	/**
	 * Every container, in registration order.
	 * @return the containers
	 */
	public synchronized List<QueueListenerContainer> containers() {
		return List.copyOf(this.containers.values());
	}

	@Override
	public void start() {
		for (QueueListenerContainer container : containers()) {
			if (container.isAutoStartup()) {
				container.start();
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		throw new UnsupportedOperationException("Stop must not be invoked directly");
	}

	/**
	 * Stops every container at once, and runs the callback when all are stopped, however they stop.
	 * @param callback run when done
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		List<QueueListenerContainer> all = new ArrayList<>(containers());
		Flux.fromIterable(all)
			.flatMap((container) -> Mono.fromRunnable(container::stop)
				.subscribeOn(Schedulers.boundedElastic())
				.onErrorResume((ex) -> {
					logger.warn("Stopping queue listener '{}' failed", container.id(), ex);
					return Mono.empty();
				}))
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
