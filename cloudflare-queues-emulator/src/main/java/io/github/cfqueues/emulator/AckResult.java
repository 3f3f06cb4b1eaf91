package io.github.cfqueues.emulator;

import java.util.Map;

/**
 * What an ack request achieved; {@code warnings} maps each lease id that was not honoured to the reason.
 */
record AckResult(int ackCount, int retryCount, Map<String, String> warnings) {
}
