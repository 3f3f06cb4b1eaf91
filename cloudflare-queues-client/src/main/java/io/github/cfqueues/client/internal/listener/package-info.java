/**
 * Internal: the listener container, its executor, and the adapter that calls {@code @QueueListener} methods. Not an
 * API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.listener;

import org.jspecify.annotations.NullMarked;
