package io.github.cfqueues.test;

import java.util.Arrays;
import java.util.List;

import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.StoredMessage;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on an {@link EmulatedQueue}: what it received, what it holds now, and what consumers
 * acknowledged. A message's body is compared as the emulator keeps it: the text of a {@code text} message, the
 * compact JSON text of a {@code json} one ({@code {"id":1042,"item":"Widget"}}). Failures list the bodies found.
 */
public class EmulatedQueueAssert extends AbstractAssert<EmulatedQueueAssert, EmulatedQueue> {

	EmulatedQueueAssert(EmulatedQueue queue) {
		super(queue, EmulatedQueueAssert.class);
	}

	/**
	 * Verifies how many messages the queue received, all told.
	 * @param count the number of messages
	 * @return this
	 */
	public EmulatedQueueAssert hasReceived(int count) {
		return hasCount("have received", "received", this.actual.received(), count);
	}

	/**
	 * Verifies the bodies of the messages the queue received, all of them, in order.
	 * @param bodies the bodies
	 * @return this
	 */
	public EmulatedQueueAssert hasReceivedBodies(String... bodies) {
		return hasBodies("received", this.actual.received(), bodies);
	}

	/**
	 * Verifies how many messages the queue holds now, delayed and leased ones included.
	 * @param count the number of messages
	 * @return this
	 */
	public EmulatedQueueAssert holds(int count) {
		return hasCount("hold", "holds", this.actual.messages(), count);
	}

	/**
	 * Verifies that the queue holds no message.
	 * @return this
	 */
	public EmulatedQueueAssert holdsNothing() {
		return holds(0);
	}

	/**
	 * Verifies how many messages consumers acknowledged.
	 * @param count the number of messages
	 * @return this
	 */
	public EmulatedQueueAssert hasAcknowledged(int count) {
		return hasCount("have acknowledged", "acknowledged", this.actual.acknowledged(), count);
	}

	/**
	 * Verifies the bodies of the messages consumers acknowledged, all of them, in order.
	 * @param bodies the bodies
	 * @return this
	 */
	public EmulatedQueueAssert hasAcknowledgedBodies(String... bodies) {
		return hasBodies("acknowledged", this.actual.acknowledged(), bodies);
	}

	/**
	 * Verifies how many retries consumers asked for.
	 * @param count the number of retries
	 * @return this
	 */
	public EmulatedQueueAssert hasRetried(int count) {
		isNotNull();
		int actual = this.actual.retried().size();
		if (actual != count) {
			failWithMessage("Expected queue %s to have retried %d message(s), but it retried %d", name(), count,
					actual);
		}
		return this;
	}

	/**
	 * Verifies how many messages ran out of retries and moved to the dead-letter queue.
	 * @param count the number of messages
	 * @return this
	 */
	public EmulatedQueueAssert hasDeadLettered(int count) {
		isNotNull();
		int actual = this.actual.deadLettered().size();
		if (actual != count) {
			failWithMessage("Expected queue %s to have dead-lettered %d message(s), but it dead-lettered %d", name(),
					count, actual);
		}
		return this;
	}

	private EmulatedQueueAssert hasCount(String expected, String actual, List<StoredMessage> messages, int count) {
		isNotNull();
		if (messages.size() != count) {
			failWithMessage("Expected queue %s to %s %d message(s), but it %s %d: %s", name(), expected, count, actual,
					messages.size(), bodies(messages));
		}
		return this;
	}

	private EmulatedQueueAssert hasBodies(String what, List<StoredMessage> messages, String... expected) {
		isNotNull();
		List<String> actual = bodies(messages);
		if (!actual.equals(Arrays.asList(expected))) {
			failWithMessage("Expected queue %s to have %s%n  %s%nbut it %s%n  %s", name(), what,
					Arrays.asList(expected), what, actual);
		}
		return this;
	}

	private String name() {
		return "'" + this.actual.name() + "' (" + this.actual.accountId() + "/" + this.actual.queueId() + ")";
	}

	private static List<String> bodies(List<StoredMessage> messages) {
		return messages.stream().map(StoredMessage::body).toList();
	}

}
