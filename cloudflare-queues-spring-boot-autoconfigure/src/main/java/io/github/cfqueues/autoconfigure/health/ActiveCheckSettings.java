package io.github.cfqueues.autoconfigure.health;

import java.time.Duration;

/**
 * How the active check of a queue's health runs.
 *
 * @param cacheTime how long an answer is reused
 * @param timeout the longest wait for an answer
 */
record ActiveCheckSettings(Duration cacheTime, Duration timeout) {
}
