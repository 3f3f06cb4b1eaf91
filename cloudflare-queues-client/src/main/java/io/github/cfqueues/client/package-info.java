/**
 * The Cloudflare Queues client API: publishers, messages and the answers Cloudflare sends back. Nothing here depends on Spring Boot.
 */
@NullMarked
package io.github.cfqueues.client;

import org.jspecify.annotations.NullMarked;
