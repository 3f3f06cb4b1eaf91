/**
 * Health of the queues of the Cloudflare Queues client, for the actuator's health endpoint.
 */
@NullMarked
package io.github.cfqueues.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
