/**
 * Internal: the consumer behind {@link io.github.cfqueues.client.QueueConsumer}, its leased messages and the
 * gathering of their settlements. Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.consume;

import org.jspecify.annotations.NullMarked;
