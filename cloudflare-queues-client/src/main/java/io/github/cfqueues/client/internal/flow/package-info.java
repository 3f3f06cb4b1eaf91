/**
 * Internal: flow control, the bound on what a publisher holds. Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.flow;

import org.jspecify.annotations.NullMarked;
