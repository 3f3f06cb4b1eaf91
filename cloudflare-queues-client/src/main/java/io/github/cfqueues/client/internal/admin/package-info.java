/**
 * The {@link io.github.cfqueues.client.admin.QueueAdmin} implementation and the HTTP pull consumer set-up that
 * consumers use.
 */
@NullMarked
package io.github.cfqueues.client.internal.admin;

import org.jspecify.annotations.NullMarked;
