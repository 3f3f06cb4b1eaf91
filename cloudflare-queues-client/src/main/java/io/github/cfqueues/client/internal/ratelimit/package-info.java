/**
 * Internal: the per-account rate limiter and the pauses learned from Cloudflare's 429s. Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.ratelimit;

import org.jspecify.annotations.NullMarked;
