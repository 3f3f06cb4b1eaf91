package io.github.cfqueues.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import io.github.cfqueues.client.QueuePublisher;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Scenarios 0 to 3 against the {@link SinkServer}: the harness alone, the raw baseline, a plain {@code WebClient},
 * per-message pushes and the auto-batching publisher. After one warm-up of every path, the scenarios are measured in
 * {@value #ROUNDS} interleaved rounds, so that a busy spell of the machine does not land on one row alone; a row
 * reports the median round's throughput.
 */
final class SinkScenarios {

	static final int SERIAL = 1;

	static final int CONCURRENT = 64;

	static final int MANY = 1_000;

	static final int ROUNDS = 3;

	private final BenchmarkOptions options;

	private final Publishers publishers;

	private final RawBaseline baseline;

	private final WebClientFloor webClientFloor;

	private final ScenarioRunner runner;

	private final String wireCheck;

	SinkScenarios(BenchmarkOptions options, SinkServer sink, ClientStack stack, ResourceMeter meter) {
		this.options = options;
		this.publishers = new Publishers(stack, sink.baseUrl());
		Map<String, String> headers = WireCheck.publisherHeaders(sink, this.publishers.perMessage(PublisherVariant.OFF));
		this.baseline = new RawBaseline(stack, sink.baseUrl(), headers);
		this.webClientFloor = new WebClientFloor(stack, sink.baseUrl(), headers);
		this.wireCheck = "raw baseline: " + WireCheck.compare(sink, this.baseline::post, headers) + "; plain WebClient: "
				+ WireCheck.compare(sink, this.webClientFloor::post, headers) + " (" + String.join(", ", headers.keySet())
				+ ")";
		this.runner = new ScenarioRunner(sink, meter);
	}

	String wireCheck() {
		return this.wireCheck;
	}

	List<ScenarioResult> run() {
		List<Scenario> scenarios = scenarios();
		if (scenarios.isEmpty()) {
			return List.of();
		}
		warmUpEverything();
		Map<Scenario, List<Round>> rounds = new LinkedHashMap<>();
		for (int round = 1; round <= ROUNDS; round++) {
			System.out.println("Round " + round + " of " + ROUNDS);
			for (Scenario scenario : scenarios) {
				rounds.computeIfAbsent(scenario, (key) -> new ArrayList<>())
					.add(this.runner.measure(scenario, Math.max(1, scenario.count() / ROUNDS)));
			}
		}
		List<ScenarioResult> rows = new ArrayList<>();
		rounds.forEach((scenario, measured) -> rows.add(ScenarioRunner.combine(scenario, measured)));
		return compare(rows);
	}

	private List<Scenario> scenarios() {
		List<Scenario> scenarios = new ArrayList<>();
		if (this.options.runs("baseline")) {
			scenarios.add(new Scenario("harness", "0. harness alone (no I/O)", CONCURRENT, this.options.scaled(300_000),
					Mono::just));
			bothConcurrencies(scenarios, "baseline", "1. baseline: raw Reactor Netty HttpClient", this.baseline::post);
		}
		if (this.options.runs("webclient")) {
			bothConcurrencies(scenarios, "webclient", "1b. reference: plain WebClient posting the same bytes",
					this.webClientFloor::post);
		}
		for (PublisherVariant variant : List.of(PublisherVariant.OFF, PublisherVariant.ON)) {
			if (this.options.runs("push") || this.options.runs("push-" + variant.key())) {
				QueuePublisher publisher = this.publishers.perMessage(variant);
				bothConcurrencies(scenarios, "push-" + variant.key(), "2. push, one request per message, "
						+ variant.label(), (id) -> publisher.push(Workload.message(id)));
			}
		}
		if (this.options.runs("batching")) {
			QueuePublisher slow = this.publishers.batching(PublisherVariant.OFF);
			scenarios.add(new Scenario("batching-off", "3. auto-batching push, " + PublisherVariant.OFF.label(),
					CONCURRENT, this.options.scaled(9_000), (id) -> slow.push(Workload.message(id))));
			for (PublisherVariant variant : List.of(PublisherVariant.OFF, PublisherVariant.ON)) {
				QueuePublisher publisher = this.publishers.batching(variant);
				scenarios.add(new Scenario("batching-" + variant.key(), "3. auto-batching push, " + variant.label(),
						MANY, this.options.scaled(600_000), (id) -> publisher.push(Workload.message(id))));
			}
		}
		return scenarios;
	}

	private void bothConcurrencies(List<Scenario> scenarios, String key, String name,
			LongFunction<Mono<?>> operation) {
		scenarios.add(new Scenario(key, name, SERIAL, this.options.scaled(15_000), operation));
		scenarios.add(new Scenario(key, name, CONCURRENT, this.options.scaled(120_000), operation));
	}

	private void warmUpEverything() {
		int count = this.options.scaled(60_000);
		this.runner.warmUp("raw baseline", CONCURRENT, count, this.baseline::post);
		this.runner.warmUp("plain WebClient", CONCURRENT, count, this.webClientFloor::post);
		for (PublisherVariant variant : List.of(PublisherVariant.OFF, PublisherVariant.ON)) {
			QueuePublisher push = this.publishers.perMessage(variant);
			this.runner.warmUp("push, " + variant.label(), CONCURRENT, count, (id) -> push.push(Workload.message(id)));
			QueuePublisher batching = this.publishers.batching(variant);
			this.runner.warmUp("auto-batching push, " + variant.label(), MANY, 4 * count,
					(id) -> batching.push(Workload.message(id)));
		}
	}

	/**
	 * Adds each row's ratio to the raw baseline at the same concurrency (c=1000 rows: to the c=64 baseline), and each
	 * push row's ratio to the plain {@code WebClient}.
	 */
	private static List<ScenarioResult> compare(List<ScenarioResult> rows) {
		Double baselineSerial = throughput(rows, "baseline", SERIAL);
		Double baselineConcurrent = throughput(rows, "baseline", CONCURRENT);
		List<ScenarioResult> compared = new ArrayList<>();
		for (ScenarioResult row : rows) {
			ScenarioResult result = row;
			Double baseline = (row.concurrency() == SERIAL) ? baselineSerial : baselineConcurrent;
			if (baseline != null && !row.key().equals("harness")) {
				result = result.withBaseline(baseline);
			}
			Double webClient = throughput(rows, "webclient", row.concurrency());
			if (webClient != null && row.key().startsWith("push-")) {
				result = result.withNotes(String.format(Locale.ROOT, "%.2f × plain WebClient; %s",
						row.messagesPerSecond() / webClient, row.notes()));
			}
			compared.add(result);
		}
		return compared;
	}

	private static @Nullable Double throughput(List<ScenarioResult> rows, String key, int concurrency) {
		return rows.stream()
			.filter((row) -> row.key().equals(key) && row.concurrency() == concurrency)
			.map(ScenarioResult::messagesPerSecond)
			.findFirst()
			.orElse(null);
	}

}
