/**
 * The README's Quick start, as a command-line application in local mode.
 */
@NullMarked
package io.github.cfqueues.sample.quickstart;

import org.jspecify.annotations.NullMarked;
