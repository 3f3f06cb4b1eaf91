/**
 * Flow control: a bound on the messages and bytes a publisher holds at once, so memory stays bounded however fast
 * the application pushes.
 */
@NullMarked
package io.github.cfqueues.client.flow;

import org.jspecify.annotations.NullMarked;
