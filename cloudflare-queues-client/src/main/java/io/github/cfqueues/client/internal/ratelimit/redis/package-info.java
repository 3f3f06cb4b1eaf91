/**
 * Internal: the shared rate limiter's state in Redis. Loaded only when a Redis store is configured, so that Spring
 * Data Redis stays an optional dependency. Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
