package io.github.cfqueues.sample.quickstart;

/**
 * An order, pushed as JSON.
 *
 * @param id the order's number
 * @param item what was ordered
 */
record Order(long id, String item) {
}
