package io.github.cfqueues.emulator;

import java.util.List;
import java.util.Map;

/**
 * What an ack request achieved; {@code warnings} maps each lease id that was not honoured to the reason;
 * {@code exhausted} holds the retried messages that were out of retries, have left the queue and await
 * dead-lettering.
 */
record AckResult(int ackCount, int retryCount, Map<String, String> warnings, List<StoredMessage> exhausted) {
}
