/**
 * Internal: the publishers behind {@link io.github.cfqueues.client.QueuePublisher}, per message and batching. Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.publish;

import org.jspecify.annotations.NullMarked;
