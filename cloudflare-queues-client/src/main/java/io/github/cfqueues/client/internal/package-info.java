/**
 * Internals of the Cloudflare Queues client: not an API. Nothing here is stable; use {@link io.github.cfqueues.client.CloudflareQueuesClient} instead.
 */
@NullMarked
package io.github.cfqueues.client.internal;

import org.jspecify.annotations.NullMarked;
