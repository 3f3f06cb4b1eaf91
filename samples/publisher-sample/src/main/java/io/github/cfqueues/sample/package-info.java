/**
 * A Spring Boot application that publishes to Cloudflare Queues, locally or for real.
 */
@NullMarked
package io.github.cfqueues.sample;

import org.jspecify.annotations.NullMarked;
