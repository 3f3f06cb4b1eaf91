/**
 * Client-side rate limiting: one limiter per Cloudflare account, so the application never trips the account's
 * API limit and its five-minute lockout, plus pauses learned from Cloudflare's 429 answers.
 */
@NullMarked
package io.github.cfqueues.client.ratelimit;

import org.jspecify.annotations.NullMarked;
