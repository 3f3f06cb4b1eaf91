/**
 * Spring Boot auto-configuration for the Cloudflare Queues client, bound to {@code cloudflare.queues.*}.
 */
@NullMarked
package io.github.cfqueues.autoconfigure;

import org.jspecify.annotations.NullMarked;
