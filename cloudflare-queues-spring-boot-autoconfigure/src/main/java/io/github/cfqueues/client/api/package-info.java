/**
 * The binding to the Cloudflare Queues HTTP API: paths, headers, the response envelope and error codes.
 */
@NullMarked
package io.github.cfqueues.client.api;

import org.jspecify.annotations.NullMarked;
