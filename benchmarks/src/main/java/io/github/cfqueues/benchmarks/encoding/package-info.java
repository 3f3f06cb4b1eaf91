/**
 * The JMH benchmark of encoding a batch of messages, with the encoding the client used before bodies went straight to
 * UTF-8 bytes as its baseline.
 */
@NullMarked
package io.github.cfqueues.benchmarks.encoding;

import org.jspecify.annotations.NullMarked;
