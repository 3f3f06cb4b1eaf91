/**
 * Metrics of the client's machinery: each queue's backlog as Cloudflare last reported it, flow control, the account
 * rate limiter, batching, consuming and listening. {@link io.github.cfqueues.client.metrics.MetricsRecorder} is what
 * the client reports to; {@link io.github.cfqueues.client.metrics.MicrometerMetricsRecorder} records it in a
 * Micrometer {@code MeterRegistry} under the names of {@link io.github.cfqueues.client.metrics.CloudflareQueuesMeters}.
 */
@NullMarked
package io.github.cfqueues.client.metrics;

import org.jspecify.annotations.NullMarked;
