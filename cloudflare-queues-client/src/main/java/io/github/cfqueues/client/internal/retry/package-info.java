/**
 * Internal: the retry policy. Not an API; it may change in any release.
 */
@NullMarked
package io.github.cfqueues.client.internal.retry;

import org.jspecify.annotations.NullMarked;
