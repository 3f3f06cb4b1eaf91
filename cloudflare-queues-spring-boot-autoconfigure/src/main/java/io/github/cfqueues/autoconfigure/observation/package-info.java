/**
 * Auto-configuration of the Cloudflare Queues client's observations.
 */
@NullMarked
package io.github.cfqueues.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
