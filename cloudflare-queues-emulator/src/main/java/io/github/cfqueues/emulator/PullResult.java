package io.github.cfqueues.emulator;

import java.util.List;

/**
 * The messages one pull leased, with the queue's metrics after the pull.
 */
record PullResult(List<StoredMessage> messages, QueueMetrics metrics) {
}
