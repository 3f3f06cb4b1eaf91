/**
 * A local, in-memory Cloudflare Queues HTTP API server for development and tests.
 * <p>
 * Start one with {@link io.github.cfqueues.emulator.CloudflareQueuesEmulator#builder()}; inspect what it holds
 * through {@link io.github.cfqueues.emulator.EmulatedQueue} and
 * {@link io.github.cfqueues.emulator.CloudflareQueuesEmulator#requests()}; make it misbehave on purpose with a
 * {@link io.github.cfqueues.emulator.FaultInjector}. Types that are not {@code public} are implementation details.
 */
@NullMarked
package io.github.cfqueues.emulator;

import org.jspecify.annotations.NullMarked;
