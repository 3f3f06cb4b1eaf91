/**
 * The application behind the README's Testing section, whose test classes the README shows.
 */
@NullMarked
package io.github.cfqueues.test.readme;

import org.jspecify.annotations.NullMarked;
