package io.github.cfqueues.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Settles the messages that ran out of retries, and keeps every queue of an account up to date with the clock
 * before an operation: expired leases and retention periods take effect when time has moved, not only when a
 * pull happens to look.
 * <p>
 * A message out of retries goes to the dead-letter queue its consumer names, as a new message with the same body
 * and content type (the dead-letter queue's delivery delay applies), if that queue exists in the account and is
 * not the queue itself; otherwise it is dropped.
 */
final class DeadLetters {

	private final QueueRegistry queues;

	private final Clock clock;

	DeadLetters(QueueRegistry queues, Clock clock) {
		this.queues = queues;
		this.clock = clock;
	}

	/**
	 * Applies, to every queue of an account, the lease expiries and retention periods that are due.
	 */
	void catchUp(String accountId) {
		for (ManagedQueue queue : this.queues.inAccount(accountId)) {
			settle(queue, queue.store().expire(queue.settings().messageRetentionPeriod(), queue.retryPolicy()));
		}
	}

	/**
	 * Moves messages that left a queue out of retries to its dead-letter queue, or drops them.
	 */
	void settle(ManagedQueue source, List<StoredMessage> exhausted) {
		if (exhausted.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		String deadLetterQueueName = source.retryPolicy().deadLetterQueue();
		ManagedQueue deadLetterQueue = deadLetterQueue(source, deadLetterQueueName);
		for (StoredMessage message : exhausted) {
			if (deadLetterQueue != null) {
				deadLetterQueue.store()
					.add(List.of(new NewMessage(message.contentType(), message.body(), null)),
							deadLetterQueue.settings().deliveryDelay());
				source.history().deadLettered(new DeadLetteredMessage(message, deadLetterQueue.name(), now));
			}
			else {
				DroppedMessage.Reason reason = (deadLetterQueueName != null)
						? DroppedMessage.Reason.DEAD_LETTER_QUEUE_MISSING : DroppedMessage.Reason.RETRIES_EXHAUSTED;
				source.history().dropped(new DroppedMessage(message, reason, now));
			}
		}
	}

	private @Nullable ManagedQueue deadLetterQueue(ManagedQueue source, @Nullable String name) {
		if (name == null) {
			return null;
		}
		ManagedQueue target = this.queues.findByName(source.address().accountId(), name).orElse(null);
		return (target != source) ? target : null;
	}

}
