package io.github.cfqueues.client.internal.listener;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cfqueues.client.listener.ListenerSettings;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The threads one listener's handlers run on, its own so that a saturated listener never starves another: a pool
 * of as many daemon threads as the listener's concurrency, or a virtual thread per message; or the executor the
 * settings name, which is left running when the listener stops.
 */
final class HandlerExecutor implements Executor, AutoCloseable {

	private final Executor executor;

	private final AutoCloseable closer;

	private HandlerExecutor(Executor executor, AutoCloseable closer) {
		this.executor = executor;
		this.closer = closer;
	}

	static HandlerExecutor create(String listenerId, ListenerSettings settings) {
		Executor given = settings.handlerExecutor();
		if (given != null) {
			return new HandlerExecutor(given, () -> {
			});
		}
		String prefix = "cf-queues-listener-" + listenerId + "-";
		if (settings.virtualThreads()) {
			SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor(prefix);
			virtual.setVirtualThreads(true);
			return new HandlerExecutor(virtual, virtual::close);
		}
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 60,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (runnable) -> {
					Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return new HandlerExecutor(pool, () -> shutdown(pool));
	}

	private static void shutdown(ExecutorService pool) {
		pool.shutdown();
	}

	@Override
	public void execute(Runnable task) {
		this.executor.execute(task);
	}

	@Override
	public void close() {
		try {
			this.closer.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
