/**
 * Internal: the binding to the Cloudflare Queues HTTP API (paths, headers, the envelope, error codes). Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.api;

import org.jspecify.annotations.NullMarked;
