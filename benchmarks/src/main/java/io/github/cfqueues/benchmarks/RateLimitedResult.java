package io.github.cfqueues.benchmarks;

/**
 * What the rate-limited scenario measured beyond its row.
 *
 * @param row the row
 * @param fractionOfCeiling sustained messages/s over the ceiling
 * @param rejections the emulator's 429 answers
 * @param maxInWindow the most requests the emulator received in any window
 */
record RateLimitedResult(ScenarioResult row, double fractionOfCeiling, long rejections, int maxInWindow) {
}
