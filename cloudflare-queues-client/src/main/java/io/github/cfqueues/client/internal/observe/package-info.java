/**
 * Internal: what the client observes, measures and remembers of each queue, for observations, metrics and health.
 * Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.observe;

import org.jspecify.annotations.NullMarked;
