/**
 * Publishing: turning {@link io.github.cfqueues.client.QueueMessage messages} into requests, validating them against the API limits, and splitting batches.
 */
@NullMarked
package io.github.cfqueues.client.publish;

import org.jspecify.annotations.NullMarked;
