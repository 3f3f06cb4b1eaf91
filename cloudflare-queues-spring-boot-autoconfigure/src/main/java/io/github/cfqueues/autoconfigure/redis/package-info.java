/**
 * The account's rate limiter shared through Redis ({@code cloudflare.queues.rate-limit.store=redis}).
 */
@NullMarked
package io.github.cfqueues.autoconfigure.redis;

import org.jspecify.annotations.NullMarked;
