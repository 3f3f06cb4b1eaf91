/**
 * The exceptions of the Cloudflare Queues client, one root with a subclass for each thing a caller can do about a failure.
 */
@NullMarked
package io.github.cfqueues.client.error;

import org.jspecify.annotations.NullMarked;
