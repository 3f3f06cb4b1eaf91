package io.github.cfqueues.client.internal.publish;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.FaultInjector;
import io.github.cfqueues.emulator.FaultRequest;

/**
 * Makes the emulator hold every push and batch request, before storing it, until {@link #release() released}:
 * what a client does while its requests have no answer can then be observed without timing.
 */
public final class HeldAnswers implements FaultInjector {

	private final CountDownLatch released = new CountDownLatch(1);

	private final AtomicInteger arrived = new AtomicInteger();

	@Override
	public Fault decide(FaultRequest request) {
		this.arrived.incrementAndGet();
		try {
			this.released.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Fault.none();
	}

	/**
	 * How many requests have arrived so far, held or not.
	 * @return the count
	 */
	public int arrived() {
		return this.arrived.get();
	}

	/**
	 * Lets every held request, and every later one, be processed.
	 */
	public void release() {
		this.released.countDown();
	}

}
