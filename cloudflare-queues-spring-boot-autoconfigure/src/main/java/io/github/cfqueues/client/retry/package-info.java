/**
 * The retry policy: which failures are retried, how long to wait between attempts, and how {@code Retry-After} is honoured.
 */
@NullMarked
package io.github.cfqueues.client.retry;

import org.jspecify.annotations.NullMarked;
