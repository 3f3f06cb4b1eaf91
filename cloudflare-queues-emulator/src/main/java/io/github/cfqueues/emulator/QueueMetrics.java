package io.github.cfqueues.emulator;

/**
 * The backlog figures Cloudflare reports for a queue.
 */
record QueueMetrics(long backlogCount, long backlogBytes, long oldestMessageTimestampMs) {
}
