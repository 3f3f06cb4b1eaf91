/**
 * Listening: {@link io.github.cfqueues.client.listener.QueueListener @QueueListener} methods and
 * {@link io.github.cfqueues.client.listener.QueueMessageHandler handlers}, each run by a container that pulls, hands
 * the messages over with bounded concurrency, and settles them.
 */
@NullMarked
package io.github.cfqueues.client.listener;

import org.jspecify.annotations.NullMarked;
