package io.github.cfqueues.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import io.github.cfqueues.client.QueuePublisher;
import reactor.core.publisher.Mono;

/**
 * The table's scenarios against the {@link SinkServer}: the harness alone, the raw baselines (single and batch
 * pushes), a plain {@code WebClient}, per-message pushes, explicit batch pushes and the auto-batching publisher.
 * After one warm-up of every path, the scenarios are measured in {@value #ROUNDS} interleaved rounds, so that a busy
 * spell of the machine does not land on one row alone; a row reports the median round's throughput.
 */
final class SinkScenarios {

	static final int SERIAL = 1;

	static final int LIGHT = 16;

	static final int CONCURRENT = 64;

	static final int MANY = 1_000;

	static final List<Integer> BATCH_CALLS = List.of(4, 16);

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
		QueuePublisher probe = this.publishers.perMessage(PublisherVariant.OFF);
		Map<String, String> headers = WireCheck.publisherHeaders(sink, probe);
		this.baseline = new RawBaseline(stack, sink.baseUrl(), headers);
		this.webClientFloor = new WebClientFloor(stack, sink.baseUrl(), headers);
		Map<String, String> batchHeaders = WireCheck.publisherBatchHeaders(sink, probe);
		this.wireCheck = "raw baseline: " + WireCheck.compare(sink, this.baseline::post, headers) + "; plain WebClient: "
				+ WireCheck.compare(sink, this.webClientFloor::post, headers) + " (" + String.join(", ", headers.keySet())
				+ "); raw batch baseline: " + WireCheck.compareBatch(sink, this.baseline::postBatch, batchHeaders);
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
		return Comparisons.add(rows);
	}

	private List<Scenario> scenarios() {
		List<Scenario> scenarios = new ArrayList<>();
		if (this.options.runs("baseline")) {
			scenarios.add(Scenario.single("harness", "0. harness alone (no I/O)", CONCURRENT,
					this.options.scaled(300_000), Mono::just));
			singles(scenarios, "baseline", "1. baseline: raw Reactor Netty HttpClient", List.of(SERIAL, CONCURRENT),
					this.baseline::post);
		}
		if (this.options.runs("webclient")) {
			singles(scenarios, "webclient", "1b. reference: plain WebClient posting the same bytes",
					List.of(SERIAL, CONCURRENT), this.webClientFloor::post);
		}
		if (this.options.runs("baseline") || this.options.runs("push-batch")) {
			batches(scenarios, "batch-baseline", "1c. baseline: raw Reactor Netty HttpClient, 100-message batch bytes",
					this.baseline::postBatch);
		}
		for (PublisherVariant variant : List.of(PublisherVariant.OFF, PublisherVariant.ON)) {
			if (this.options.runs("push") || this.options.runs("push-" + variant.key())) {
				QueuePublisher publisher = this.publishers.perMessage(variant);
				List<Integer> concurrencies = (variant == PublisherVariant.OFF) ? List.of(SERIAL, LIGHT, CONCURRENT)
						: List.of(SERIAL, CONCURRENT);
				singles(scenarios, "push-" + variant.key(), "2. push, one request per message, " + variant.label(),
						concurrencies, (id) -> publisher.push(Workload.message(id)));
			}
		}
		if (this.options.runs("push-batch")) {
			QueuePublisher publisher = this.publishers.perMessage(PublisherVariant.OFF);
			batches(scenarios, "push-batch-off", "2b. pushBatch, 100 messages per call, " + PublisherVariant.OFF.label(),
					(id) -> publisher.pushBatch(Workload.messages(id, Workload.BATCH_SIZE)));
		}
		if (this.options.runs("batching")) {
			QueuePublisher off = this.publishers.batching(PublisherVariant.OFF);
			singles(scenarios, "batching-off", "3. auto-batching push, default settings, " + PublisherVariant.OFF.label(),
					List.of(SERIAL, LIGHT, CONCURRENT, MANY), (id) -> off.push(Workload.message(id)));
			QueuePublisher on = this.publishers.batching(PublisherVariant.ON);
			singles(scenarios, "batching-on", "3. auto-batching push, default settings, " + PublisherVariant.ON.label(),
					List.of(MANY), (id) -> on.push(Workload.message(id)));
		}
		return scenarios;
	}

	private void singles(List<Scenario> scenarios, String key, String name, List<Integer> concurrencies,
			LongFunction<Mono<?>> operation) {
		for (int concurrency : concurrencies) {
			scenarios.add(Scenario.single(key, name, concurrency, this.options.scaled(count(concurrency)), operation));
		}
	}

	private void batches(List<Scenario> scenarios, String key, String name, LongFunction<Mono<?>> operation) {
		for (int calls : BATCH_CALLS) {
			scenarios.add(new Scenario(key, name, calls, this.options.scaled(6_000), Workload.BATCH_SIZE, operation));
		}
	}

	/**
	 * Operations per scenario, over all rounds: each round takes a few seconds at the rates this machine reaches.
	 */
	private static int count(int concurrency) {
		if (concurrency >= MANY) {
			return 600_000;
		}
		return (concurrency == SERIAL) ? 15_000 : 120_000;
	}

	private void warmUpEverything() {
		int count = this.options.scaled(60_000);
		this.runner.warmUp("raw baseline", CONCURRENT, count, this.baseline::post);
		this.runner.warmUp("plain WebClient", CONCURRENT, count, this.webClientFloor::post);
		this.runner.warmUp("raw batch baseline", LIGHT, count / 50, Workload.BATCH_SIZE, this.baseline::postBatch);
		for (PublisherVariant variant : List.of(PublisherVariant.OFF, PublisherVariant.ON)) {
			QueuePublisher push = this.publishers.perMessage(variant);
			this.runner.warmUp("push, " + variant.label(), CONCURRENT, count, (id) -> push.push(Workload.message(id)));
			this.runner.warmUp("pushBatch, " + variant.label(), LIGHT, count / 50, Workload.BATCH_SIZE,
					(id) -> push.pushBatch(Workload.messages(id, Workload.BATCH_SIZE)));
			QueuePublisher batching = this.publishers.batching(variant);
			this.runner.warmUp("auto-batching push, " + variant.label(), MANY, 4 * count,
					(id) -> batching.push(Workload.message(id)));
			this.runner.warmUp("auto-batching push, " + variant.label(), LIGHT, count,
					(id) -> batching.push(Workload.message(id)));
		}
	}

}
