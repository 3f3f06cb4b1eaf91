/**
 * A load harness for the Cloudflare Queues publisher: a raw Reactor Netty baseline, per-message and batching
 * publishers on a loopback sink, and a rate-limited run against the emulator, printed as one table.
 */
@NullMarked
package io.github.cfqueues.benchmarks;

import org.jspecify.annotations.NullMarked;
