package io.github.cfqueues.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import io.github.cfqueues.client.BatchingSettings;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.metrics.MicrometerMetricsRecorder;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the client's observations and metrics cost: pushes with nothing observed, with only the HTTP client observed
 * (what Spring Boot does without this starter's observations), and with the client's observations and meters on as
 * well, measured in interleaved rounds within one run against the {@link SinkServer}, each round starting one
 * scenario later than the one before, so that no scenario always follows the same one. Each observation registry holds
 * a {@link DefaultMeterObservationHandler} over a {@link SimpleMeterRegistry}, as Actuator's does; pacing is off.
 */
final class ObservationCost {

	static final int ROUNDS = 7;

	private final ClientStack stack;

	private final SinkServer sink;

	private final ScenarioRunner runner;

	private final double scale;

	ObservationCost(ClientStack stack, SinkServer sink, ResourceMeter meter, double scale) {
		this.stack = stack;
		this.sink = sink;
		this.runner = new ScenarioRunner(sink, meter);
		this.scale = scale;
	}

	/**
	 * Warms every path up, then measures each scenario in {@value #ROUNDS} interleaved rounds.
	 * @return a row per scenario
	 */
	List<ScenarioResult> run() {
		Map<String, QueuePublisher> perMessage = new LinkedHashMap<>();
		Map<String, QueuePublisher> batching = new LinkedHashMap<>();
		for (Variant variant : Variant.values()) {
			perMessage.put(variant.label, publisher(variant, QueuePublisherOptions.DEFAULTS));
			batching.put(variant.label, publisher(variant,
					QueuePublisherOptions.builder().batching(BatchingSettings.DEFAULTS).build()));
		}
		List<Scenario> scenarios = new ArrayList<>();
		perMessage.forEach((label, publisher) -> {
			LongFunction<Mono<?>> push = (id) -> publisher.push(Workload.message(id));
			scenarios.add(Scenario.single("push-" + label, "push, one request per message, " + label,
					SinkScenarios.SERIAL, scaled(15_000), push));
			scenarios.add(Scenario.single("push-" + label, "push, one request per message, " + label,
					SinkScenarios.CONCURRENT, scaled(150_000), push));
		});
		batching.forEach((label, publisher) -> scenarios.add(Scenario.single("batching-" + label,
				"auto-batching push, " + label, SinkScenarios.MANY, scaled(600_000),
				(id) -> publisher.push(Workload.message(id)))));
		perMessage.forEach((label, publisher) -> this.runner.warmUp("push, " + label, SinkScenarios.CONCURRENT,
				scaled(60_000), (id) -> publisher.push(Workload.message(id))));
		batching.forEach((label, publisher) -> this.runner.warmUp("auto-batching push, " + label,
				SinkScenarios.MANY, scaled(200_000), (id) -> publisher.push(Workload.message(id))));
		Map<Scenario, List<Round>> rounds = new LinkedHashMap<>();
		scenarios.forEach((scenario) -> rounds.put(scenario, new ArrayList<>()));
		for (int round = 0; round < ROUNDS; round++) {
			System.out.println("Round " + (round + 1) + " of " + ROUNDS);
			for (int i = 0; i < scenarios.size(); i++) {
				Scenario scenario = scenarios.get((i + round) % scenarios.size());
				rounds.get(scenario).add(this.runner.measure(scenario, Math.max(1, scenario.count() / ROUNDS)));
			}
		}
		List<ScenarioResult> rows = new ArrayList<>();
		rounds.forEach((scenario, measured) -> rows.add(ScenarioRunner.combine(scenario, measured)));
		return rows;
	}

	private int scaled(int count) {
		return Math.max(1, (int) (count * this.scale));
	}

	private QueuePublisher publisher(Variant variant, QueuePublisherOptions options) {
		WebClient.Builder webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(this.stack.httpClient()));
		CloudflareQueuesClient.Builder client = CloudflareQueuesClient.builder()
			.baseUrl(this.sink.baseUrl())
			.accountId(Workload.ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(Workload.TOKEN))
			.rateLimitPacing(false);
		if (variant != Variant.OFF) {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			webClient.observationRegistry(registry);
			if (variant == Variant.ON) {
				client.observationRegistry(registry).metricsRecorder(new MicrometerMetricsRecorder(meters));
			}
		}
		return client.webClient(webClient.build()).build().publisher("benchmark", Workload.QUEUE, options);
	}

	/**
	 * The rows as a markdown table, with each variant's throughput as a ratio to the same row with nothing observed.
	 * @param rows the rows
	 * @return the table
	 */
	static String table(List<ScenarioResult> rows) {
		StringBuilder table = new StringBuilder("| Scenario | c | msg/s | × nothing observed | × HTTP only | "
				+ "client CPU µs/msg | CPU × HTTP only | alloc B/msg | p50 ms | p99 ms |\n"
				+ "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		for (ScenarioResult row : rows) {
			ScenarioResult off = same(rows, row, Variant.OFF);
			ScenarioResult http = same(rows, row, Variant.HTTP);
			table.append(String.format(Locale.ROOT,
					"| %s | %d | %,.0f | %.3f | %.3f | %.1f | %.3f | %,.0f | %.3f | %.3f |%n", row.scenario(),
					row.concurrency(), row.messagesPerSecond(), row.messagesPerSecond() / off.messagesPerSecond(),
					row.messagesPerSecond() / http.messagesPerSecond(), row.cpuMicrosPerMessage(),
					row.cpuMicrosPerMessage() / http.cpuMicrosPerMessage(), row.allocatedBytesPerMessage(),
					row.p50Millis(), row.p99Millis()));
		}
		return table.toString();
	}

	private static ScenarioResult same(List<ScenarioResult> rows, ScenarioResult row, Variant variant) {
		String kind = row.key().substring(0, row.key().lastIndexOf('-') + 1);
		return rows.stream()
			.filter((other) -> other.key().equals(kind + variant.label) && other.concurrency() == row.concurrency())
			.findFirst()
			.orElseThrow();
	}

	private enum Variant {

		OFF("nothing observed"),

		HTTP("HTTP client observed"),

		ON("HTTP client and queue operations observed, client metrics on");

		private final String label;

		Variant(String label) {
			this.label = label;
		}

	}

}
