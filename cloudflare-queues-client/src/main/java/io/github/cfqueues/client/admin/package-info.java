/**
 * Managing queues and their HTTP pull consumers through Cloudflare's API:
 * {@link io.github.cfqueues.client.admin.QueueAdmin} and the settings and answers it works with.
 */
@NullMarked
package io.github.cfqueues.client.admin;

import org.jspecify.annotations.NullMarked;
