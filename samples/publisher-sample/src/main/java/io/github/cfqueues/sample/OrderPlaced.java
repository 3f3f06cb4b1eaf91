package io.github.cfqueues.sample;

/**
 * The JSON payload the sample pushes.
 *
 * @param orderId the order's number
 * @param item what was ordered
 * @param quantity how many
 */
record OrderPlaced(long orderId, String item, int quantity) {
}
