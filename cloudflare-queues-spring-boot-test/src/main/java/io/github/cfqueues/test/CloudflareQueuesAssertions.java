package io.github.cfqueues.test;

import io.github.cfqueues.emulator.EmulatedQueue;

/**
 * Entry point of the AssertJ assertions on emulated queues.
 * <pre>{@code
 * import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;
 *
 * assertThat(queues.queue("orders")).hasReceivedBodies("{\"id\":1042}").hasAcknowledged(1).holdsNothing();
 * }</pre>
 */
public final class CloudflareQueuesAssertions {

	private CloudflareQueuesAssertions() {
	}

	/**
	 * Assertions on what a queue received, holds and what became of its messages.
	 * @param queue the queue, from {@link EmulatedQueues#queue(String)} or the emulator
	 * @return the assertions
	 */
	public static EmulatedQueueAssert assertThat(EmulatedQueue queue) {
		return new EmulatedQueueAssert(queue);
	}

}
