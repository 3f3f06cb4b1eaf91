/**
 * Local mode: an embedded Cloudflare Queues emulator instead of Cloudflare, for development.
 */
@NullMarked
package io.github.cfqueues.autoconfigure.local;

import org.jspecify.annotations.NullMarked;
