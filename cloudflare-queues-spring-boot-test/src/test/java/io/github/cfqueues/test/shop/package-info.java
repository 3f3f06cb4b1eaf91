/**
 * An application under test, outside the test support's package so that its component scan does not find the test
 * support's configuration.
 */
@NullMarked
package io.github.cfqueues.test.shop;

import org.jspecify.annotations.NullMarked;
