/**
 * Auto-configuration of the Cloudflare Queues client's metrics.
 */
@NullMarked
package io.github.cfqueues.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
