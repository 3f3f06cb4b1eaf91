/**
 * Auto-batching: single pushes gathered into batch requests, each message keeping its own answer.
 */
@NullMarked
package io.github.cfqueues.client.batching;

import org.jspecify.annotations.NullMarked;
