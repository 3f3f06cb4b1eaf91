package io.github.cfqueues.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.RedisRateLimitStore;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.RecordedRequest;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Scenario 5: three replicas of a service on one account, each an auto-batching publisher of a client of its own (its
 * own limiter, its own Redis connection), against the emulator enforcing row 4's scaled limit (120 requests per 30 s,
 * then a 30 s lockout; burst 1). The replicas pace either with static shares (each {@code rate-limit.share} 1/3,
 * each its own limiter) or with the limiter shared through a real Redis ({@code rate-limit.store=redis}, share 1),
 * with all three busy and with two of them idle. Each static row is the baseline of the shared row after it, in the
 * same run.
 */
final class SharedLimitScenario {

	static final List<String> QUEUES = List.of(Workload.QUEUE, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

	private final Duration duration;

	private final ClientStack stack;

	private final ResourceMeter meter;

	private final Path redisServer;

	/**
	 * Prepares the scenario, failing at once when no {@code redis-server} is to be had.
	 * @param duration how long each of its four runs offers load
	 * @param stack the HTTP stack
	 * @param meter the resource meter
	 */
	SharedLimitScenario(Duration duration, ClientStack stack, ResourceMeter meter) {
		this.duration = duration;
		this.stack = stack;
		this.meter = meter;
		this.redisServer = RedisServerProcess.binary();
	}

	List<ScenarioResult> run() {
		List<ScenarioResult> rows = new ArrayList<>();
		try (RedisServerProcess redis = RedisServerProcess.start(this.redisServer)) {
			for (int busy : new int[] { 3, 1 }) {
				ScenarioResult staticShares = run(false, busy, redis);
				ScenarioResult shared = run(true, busy, redis);
				rows.add(staticShares);
				rows.add(shared.withBaseline(staticShares.messagesPerSecond()));
			}
		}
		return rows;
	}

	private ScenarioResult run(boolean shared, int busy, RedisServerProcess redis) {
		redis.flushAll();
		String name = "5. three replicas, " + ((busy == 3) ? "all busy" : "one busy, two idle") + ": "
				+ (shared ? "limiter shared in Redis" : "static share 1/3 each");
		int concurrency = RateLimitedScenario.CONCURRENCY * busy;
		System.out.printf("  %-68s c=%-5d for %d s ...%n", name, concurrency, this.duration.toSeconds());
		List<LettuceConnectionFactory> connections = new ArrayList<>();
		List<CloudflareQueuesClient> clients = new ArrayList<>();
		try (CloudflareQueuesEmulator emulator = emulator()) {
			List<QueuePublisher> publishers = new ArrayList<>();
			for (int replica = 0; replica < QUEUES.size(); replica++) {
				CloudflareQueuesClient client = client(emulator, shared, redis, connections);
				clients.add(client);
				publishers.add(client.publisher("replica-" + replica, QUEUES.get(replica),
						QueuePublisherOptions.builder().batching(BatchingSettings.DEFAULTS).build()));
			}
			sleep(Duration.ofSeconds(1));
			ResourceMeter.Measurement measurement = this.meter.start();
			Instant start = Instant.now();
			List<LoadResult> results = load(publishers.subList(0, busy));
			ResourceMeter.Usage usage = measurement.stop();
			return row(name, concurrency, emulator, start, results, usage);
		}
		finally {
			clients.forEach((client) -> client.shutdown(Duration.ofSeconds(5)).block(Duration.ofSeconds(10)));
			connections.forEach(LettuceConnectionFactory::destroy);
		}
	}

	private static CloudflareQueuesEmulator emulator() {
		CloudflareQueuesEmulator.Builder builder = CloudflareQueuesEmulator.builder()
			.apiToken(Workload.TOKEN)
			.accountRateLimit(RateLimitedScenario.REQUESTS, RateLimitedScenario.WINDOW, RateLimitedScenario.WINDOW);
		QUEUES.forEach((queue) -> builder.queue(Workload.ACCOUNT, queue));
		return builder.start();
	}

	private CloudflareQueuesClient client(CloudflareQueuesEmulator emulator, boolean shared, RedisServerProcess redis,
			List<LettuceConnectionFactory> connections) {
		RateLimitSettings limit = new RateLimitSettings(RateLimitedScenario.REQUESTS, RateLimitedScenario.WINDOW,
				RateLimitedScenario.BURST, shared ? 1.0 : 1.0 / QUEUES.size(), Duration.ofSeconds(60),
				RateLimitSettings.CLOUDFLARE_LOCKOUT);
		CloudflareQueuesClient.Builder builder = CloudflareQueuesClient.builder()
			.webClient(this.stack.webClient(false))
			.baseUrl(emulator.baseUrl())
			.accountId(Workload.ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(Workload.TOKEN))
			.rateLimit(limit);
		if (shared) {
			LettuceConnectionFactory connection = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
			connection.afterPropertiesSet();
			connection.start();
			connections.add(connection);
			builder.rateLimitStore(
					RedisRateLimitStore.builder(connection).fallbackShare(1.0 / QUEUES.size()).build());
		}
		return builder.build();
	}

	private List<LoadResult> load(List<QueuePublisher> busy) {
		int capacity = (int) (RateLimitedScenario.CEILING * this.duration.toSeconds() * 1.5)
				+ 10 * RateLimitedScenario.CONCURRENCY;
		List<CompletableFuture<LoadResult>> runs = new ArrayList<>();
		for (int replica = 0; replica < busy.size(); replica++) {
			QueuePublisher publisher = busy.get(replica);
			long firstId = (replica + 1L) * 10_000_000L;
			LoadRun run = new LoadRun(capacity);
			runs.add(CompletableFuture.supplyAsync(() -> run.execute((id) -> publisher.push(Workload.message(id)),
					firstId, RateLimitedScenario.CONCURRENCY, this.duration), (task) -> new Thread(task).start()));
		}
		return runs.stream().map(CompletableFuture::join).toList();
	}

	private ScenarioResult row(String name, int concurrency, CloudflareQueuesEmulator emulator, Instant start,
			List<LoadResult> results, ResourceMeter.Usage usage) {
		long delivered = results.stream().mapToLong((result) -> result.completedWithin(this.duration.toNanos())).sum();
		long started = results.stream().mapToLong(LoadResult::started).sum();
		long failures = results.stream().mapToLong(LoadResult::failures).sum();
		double perSecond = delivered / (this.duration.toNanos() / 1e9);
		Instant end = start.plus(this.duration);
		List<RecordedRequest> pushes = emulator.requests()
			.stream()
			.filter((request) -> request.path().contains("/messages"))
			.toList();
		List<Instant> times = pushes.stream().map(RecordedRequest::receivedAt).toList();
		long requestsInDuration = times.stream().filter((at) -> !at.isAfter(end)).count();
		int maxInWindow = SlidingWindow.maxInAnyWindow(times, RateLimitedScenario.WINDOW);
		String perReplica = QUEUES.stream()
			.map((queue) -> Long.toString(pushes.stream().filter((request) -> queue.equals(request.queueId())).count()))
			.collect(Collectors.joining(" / "));
		long[] latencies = results.stream()
			.flatMapToLong((result) -> LongStream.of(result.sortedLatencies()))
			.sorted()
			.toArray();
		double fraction = perSecond / RateLimitedScenario.CEILING;
		String notes = String.format(Locale.ROOT,
				"**%.3f of the account's %.0f msg/s ceiling**; **%d × 429**; at most %d requests in any %d s window "
						+ "(limit %d); requests per replica %s, draining included; %d failed pushes",
				fraction, RateLimitedScenario.CEILING, emulator.rateLimitRejections(), maxInWindow,
				RateLimitedScenario.WINDOW.toSeconds(), RateLimitedScenario.REQUESTS, perReplica, failures);
		System.out.printf(Locale.ROOT, "    %,.0f msg/s = %.3f of the ceiling, %d × 429, max %d per window, "
				+ "requests per replica %s%n", perSecond, fraction, emulator.rateLimitRejections(), maxInWindow,
				perReplica);
		return new ScenarioResult("shared-limit", name, concurrency, delivered, requestsInDuration, perSecond, null,
				Latencies.percentileMillis(latencies, 50), Latencies.percentileMillis(latencies, 99),
				usage.cpuNanos() / 1e3 / Math.max(1, started), (double) usage.allocatedBytes() / Math.max(1, started),
				usage.peakHeapBytes(), notes);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
