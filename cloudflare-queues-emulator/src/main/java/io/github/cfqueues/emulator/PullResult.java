package io.github.cfqueues.emulator;

import java.util.List;

/**
 * The messages one pull leased, with the queue's metrics after the pull, and the messages found out of retries
 * on the way, which have left the queue and await dead-lettering.
 */
record PullResult(List<StoredMessage> messages, QueueMetrics metrics, List<StoredMessage> exhausted) {
}
