/**
 * A local, in-memory Cloudflare Queues HTTP API server for development and tests.
 * <p>
 * Start one with {@link io.github.cfqueues.emulator.CloudflareQueuesEmulator#builder()}; inspect and configure its
 * queues through {@link io.github.cfqueues.emulator.EmulatedQueue} (what a queue holds and what became of its
 * messages, its {@link io.github.cfqueues.emulator.QueueSettings} and its HTTP pull consumer's
 * {@link io.github.cfqueues.emulator.ConsumerSettings}) and the requests it received through
 * {@link io.github.cfqueues.emulator.CloudflareQueuesEmulator#requests()}, or over HTTP at
 * {@link io.github.cfqueues.emulator.CloudflareQueuesEmulator#inspectionUrl()}; make it misbehave on purpose with a
 * {@link io.github.cfqueues.emulator.FaultInjector}. Types that are not {@code public} are implementation details.
 */
@NullMarked
package io.github.cfqueues.emulator;

import org.jspecify.annotations.NullMarked;
