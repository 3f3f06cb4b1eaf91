package io.github.cfqueues.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.RecordedRequest;

/**
 * Scenario 4: the auto-batching publisher against the emulator enforcing Cloudflare's account limit scaled down
 * ten-fold in time (120 requests per 30 s sliding window, then a 30 s lockout), with the client's limiter set to the
 * same limit. The burst scales like the default's (10 of 1,200 is 1 of 120), so the limiter spaces requests
 * 30 s / 119 apart. The ceiling is 120 × 100 messages per 30 s = 400 messages/s.
 */
final class RateLimitedScenario {

	static final int REQUESTS = 120;

	static final Duration WINDOW = Duration.ofSeconds(30);

	static final int BURST = 1;

	static final int CONCURRENCY = 300;

	static final double CEILING = REQUESTS * 100.0 / WINDOW.toSeconds();

	private final Duration duration;

	private final ClientStack stack;

	private final ResourceMeter meter;

	RateLimitedScenario(Duration duration, ClientStack stack, ResourceMeter meter) {
		this.duration = duration;
		this.stack = stack;
		this.meter = meter;
	}

	RateLimitedResult run() {
		String name = "4. rate-limited auto-batching push (" + REQUESTS + " req / " + WINDOW.toSeconds() + " s, burst "
				+ BURST + ")";
		System.out.printf("  %-58s c=%-5d for %d s ...%n", name, CONCURRENCY, this.duration.toSeconds());
		try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder()
			.apiToken(Workload.TOKEN)
			.queue(Workload.ACCOUNT, Workload.QUEUE)
			.accountRateLimit(REQUESTS, WINDOW, WINDOW)
			.start()) {
			RateLimitSettings limit = new RateLimitSettings(REQUESTS, WINDOW, BURST, 1.0, Duration.ofSeconds(60),
					RateLimitSettings.CLOUDFLARE_LOCKOUT);
			QueuePublisher publisher = new Publishers(this.stack, emulator.baseUrl()).batching(PublisherVariant.OFF,
					limit);
			LoadRun run = new LoadRun((int) (CEILING * this.duration.toSeconds() * 1.5) + 10 * CONCURRENCY);
			ResourceMeter.Measurement measurement = this.meter.start();
			Instant start = Instant.now();
			LoadResult result = run.execute((id) -> publisher.push(Workload.message(id)), 1, CONCURRENCY,
					this.duration);
			ResourceMeter.Usage usage = measurement.stop();
			long delivered = result.completedWithin(this.duration.toNanos());
			long[] latencies = result.sortedLatencies();
			double perSecond = delivered / (this.duration.toNanos() / 1e9);
			List<Instant> pushes = emulator.requests()
				.stream()
				.filter((request) -> request.path().contains("/messages"))
				.map(RecordedRequest::receivedAt)
				.toList();
			Instant end = start.plus(this.duration);
			long requestsInDuration = pushes.stream().filter((at) -> !at.isAfter(end)).count();
			int maxInWindow = SlidingWindow.maxInAnyWindow(pushes, WINDOW);
			String notes = String.format(Locale.ROOT,
					"**%.3f of the %.0f msg/s ceiling**; **%d × 429**; at most %d requests in any %d s window "
							+ "(limit %d); %d requests in all, draining included; %d failed pushes",
					perSecond / CEILING, CEILING, emulator.rateLimitRejections(), maxInWindow, WINDOW.toSeconds(),
					REQUESTS, pushes.size(), result.failures());
			ScenarioResult row = new ScenarioResult("rate-limited", name, CONCURRENCY, delivered, requestsInDuration,
					perSecond, null, Latencies.percentileMillis(latencies, 50),
					Latencies.percentileMillis(latencies, 99), usage.cpuNanos() / 1e3 / result.started(),
					(double) usage.allocatedBytes() / result.started(), usage.peakHeapBytes(), notes);
			System.out.printf("    %,.0f msg/s = %.3f of the ceiling, %d × 429, max %d per window%n", perSecond,
					perSecond / CEILING, emulator.rateLimitRejections(), maxInWindow);
			return new RateLimitedResult(row, perSecond / CEILING, emulator.rateLimitRejections(), maxInWindow);
		}
	}

}
