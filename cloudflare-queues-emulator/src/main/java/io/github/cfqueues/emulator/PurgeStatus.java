package io.github.cfqueues.emulator;

import java.time.Instant;

/**
 * The last purge of a queue. The emulator purges at once, so a purge is complete as soon as it started.
 */
record PurgeStatus(Instant startedAt, boolean completed) {
}
