/**
 * Test support for Spring Boot applications that use Cloudflare Queues: {@link EmulatedCloudflareQueues} connects
 * an application under test to an emulator, {@link EmulatedQueues} finds its queues there, and
 * {@link CloudflareQueuesAssertions} checks what they received and what was acknowledged.
 */
@NullMarked
package io.github.cfqueues.test;

import org.jspecify.annotations.NullMarked;
