package io.github.cfqueues.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.listener.DefaultQueueListenerContainerFactory;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerContainer;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.RecordedRequest;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consuming scenarios: a queue on the emulator filled before each measurement, emptied by a raw HTTP loop, by
 * {@link QueueConsumer} loops and by listener containers, every message decoded and acknowledged.
 */
final class ConsumeScenarios {

	static final String SAMPLE_BODY = "{\"id\":1,\"event\":\"order.placed\",\"amountCents\":4200}";

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private static final String QUEUE = "c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0";

	private static final String TOKEN = "benchmark-token";

	private static final Duration LEASE = Duration.ofMinutes(10);

	private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

	private final int messages;

	private final int rounds;

	private final CloudflareQueuesEmulator emulator;

	private final EmulatedQueue queue;

	private final CloudflareQueuesClient client;

	private final QueuePublisher filler;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http;

	ConsumeScenarios(int messages, int rounds) {
		this.messages = messages;
		this.rounds = rounds;
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(TOKEN).queue(ACCOUNT, QUEUE, "orders").start();
		this.queue = this.emulator.queue(ACCOUNT, QUEUE).orElseThrow();
		this.client = CloudflareQueuesClient.builder()
			.baseUrl(this.emulator.baseUrl())
			.accountId(ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TOKEN))
			.rateLimitPacing(false)
			.build();
		this.filler = this.client.publisher(QUEUE);
		this.http = new ClientStack().httpClient()
			.baseUrl("http://127.0.0.1:" + this.emulator.port())
			.headers((headers) -> headers.set("Authorization", "Bearer " + TOKEN)
				.set("Content-Type", "application/json")
				.set("Accept", "application/json"));
	}

	List<ConsumeRow> run() {
		try {
			warmUp();
			List<ConsumeRow> rows = new ArrayList<>();
			Measured raw1 = measure(this.messages, () -> rawLoop(1, 100));
			rows.add(row("raw HTTP pull-and-ack loop (Reactor Netty HttpClient)", 1, 100, raw1, null, null));
			Measured raw4 = measure(this.messages, () -> rawLoop(4, 100));
			rows.add(row("raw HTTP pull-and-ack loop (Reactor Netty HttpClient)", 4, 100, raw4, null, null));
			Measured loop1 = measure(this.messages, () -> consumerLoop(1, 100));
			rows.add(row("QueueConsumer pull, decode, ack", 1, 100, loop1, raw1, "raw loop, 1 puller"));
			Measured loop4 = measure(this.messages, () -> consumerLoop(4, 100));
			rows.add(row("QueueConsumer pull, decode, ack", 4, 100, loop4, raw4, "raw loop, 4 pullers"));
			for (int concurrency : new int[] { 1, 10, 50 }) {
				int count = (concurrency == 1) ? Math.max(1_000, this.messages / 4) : this.messages;
				Measured sameBound = measure(count, () -> sameBoundLoop(concurrency));
				rows.add(row("QueueConsumer loop holding as many messages, acks not awaited", 1, concurrency,
						sameBound, null, null));
				Measured listener = measure(count, () -> listener(concurrency));
				rows.add(row("@QueueListener container, decoding no-op handler", concurrency, concurrency, listener,
						sameBound, "same-bound loop; " + String.format(Locale.ROOT, "%.2f",
								listener.median() / loop1.median()) + " × 100-batch loop"));
			}
			return withTargets(rows);
		}
		finally {
			this.client.close();
			this.emulator.stop();
		}
	}

	private static List<ConsumeRow> withTargets(List<ConsumeRow> rows) {
		List<ConsumeRow> targeted = new ArrayList<>();
		for (ConsumeRow row : rows) {
			String target = row.name().startsWith("@QueueListener")
					? "listener at concurrency " + row.parallelism() + " ≥ 0.8 × the same-bound QueueConsumer loop"
					: null;
			targeted.add(new ConsumeRow(row.name(), row.parallelism(), row.pullSize(), row.rounds(),
					row.requestsPerMessage(), row.ratio(), row.reference(), target));
		}
		return targeted;
	}

	private ConsumeRow row(String name, int parallelism, int pullSize, Measured measured, Measured reference,
			String referenceName) {
		double ratio = (reference != null) ? measured.median() / reference.median() : Double.NaN;
		return new ConsumeRow(name, parallelism, pullSize, measured.rounds(), measured.requestsPerMessage(), ratio,
				(referenceName != null) ? referenceName : "–", null);
	}

	private void warmUp() {
		int count = Math.max(1_000, this.messages / 4);
		runOnce(count, () -> rawLoop(4, 100));
		runOnce(count, () -> consumerLoop(4, 100));
		runOnce(count, () -> listener(10));
	}

	private Measured measure(int count, Supplier<Mono<Void>> drain) {
		List<Double> rates = new ArrayList<>();
		List<Double> requests = new ArrayList<>();
		for (int round = 0; round < this.rounds; round++) {
			Run run = runOnce(count, drain);
			rates.add(count / (run.nanos() / 1e9));
			requests.add(run.requests() / (double) count);
		}
		int medianIndex = medianIndex(rates);
		return new Measured(rates, requests.get(medianIndex));
	}

	private Run runOnce(int count, Supplier<Mono<Void>> drain) {
		fill(count);
		System.gc();
		this.emulator.resetRequests();
		this.expected.set(count);
		long start = System.nanoTime();
		drain.get().block(RUN_LIMIT);
		long nanos = System.nanoTime() - start;
		int acknowledged = this.queue.acknowledged().size();
		if (acknowledged != count || this.queue.backlogCount() != 0) {
			throw new IllegalStateException("Expected " + count + " messages acknowledged and none left, got "
					+ acknowledged + " acknowledged and " + this.queue.backlogCount() + " left");
		}
		long requests = this.emulator.requests()
			.stream()
			.map(RecordedRequest::path)
			.filter((path) -> path.endsWith("/messages/pull") || path.endsWith("/messages/ack"))
			.count();
		return new Run(nanos, requests);
	}

	private final AtomicLong expected = new AtomicLong();

	private void fill(int count) {
		this.queue.clear();
		Flux.range(0, (count + 99) / 100)
			.flatMap((batch) -> this.filler.pushBatch(IntStream.range(batch * 100, Math.min(count, batch * 100 + 100))
				.mapToObj((i) -> QueueMessage.json(new Order(i, "order.placed", 4200)))
				.toList()), 8)
			.blockLast(RUN_LIMIT);
		if (this.queue.backlogCount() != count) {
			throw new IllegalStateException("The queue holds " + this.queue.backlogCount() + " messages, not " + count);
		}
	}

	/**
	 * Pullers that each pull, decode every message, acknowledge the whole pull and pull again once those
	 * acknowledgements are answered, until the messages counted so far are all acknowledged.
	 */
	private Mono<Void> consumerLoop(int pullers, int pullSize) {
		QueueConsumer consumer = consumer("loop-" + pullSize, pullSize);
		AtomicLong done = new AtomicLong();
		long target = this.expected.get();
		Mono<Void> puller = Mono.defer(consumer::pull)
			.flatMap((pulled) -> Flux.fromIterable(pulled).flatMap((message) -> {
				message.bodyAs(Order.class);
				return message.ack();
			}).then(Mono.fromRunnable(() -> done.addAndGet(pulled.size()))))
			.repeat(() -> done.get() < target)
			.then();
		return Flux.range(0, pullers).flatMap((i) -> puller).then();
	}

	/**
	 * What a listener does, by hand: one puller that holds at most {@code bound} messages, decodes each, hands its
	 * acknowledgement to the consumer (which gathers them into requests) and pulls again without waiting for the
	 * answers, until every acknowledgement is answered.
	 */
	private Mono<Void> sameBoundLoop(int bound) {
		QueueConsumer consumer = consumer("bound-" + bound, bound);
		AtomicLong pulledCount = new AtomicLong();
		long target = this.expected.get();
		Sinks.Empty<Void> allAcknowledged = Sinks.empty();
		AtomicLong acknowledged = new AtomicLong();
		Mono<Void> pulls = Mono.defer(consumer::pull).doOnNext((pulled) -> {
			pulledCount.addAndGet(pulled.size());
			for (ReceivedMessage message : pulled) {
				message.bodyAs(Order.class);
				message.ack().subscribe(null, allAcknowledged::tryEmitError, () -> {
					if (acknowledged.incrementAndGet() == target) {
						allAcknowledged.tryEmitEmpty();
					}
				});
			}
		}).repeat(() -> pulledCount.get() < target).then();
		return pulls.then(allAcknowledged.asMono());
	}

	private QueueConsumer consumer(String name, int pullSize) {
		return this.client.consumer(name, QUEUE,
				QueueConsumerOptions.builder().batchSize(pullSize).visibilityTimeout(LEASE).build());
	}

	/**
	 * The same loop by hand on Reactor Netty: a pull request, the bodies decoded from base64 json into records, one
	 * ack request for every lease of the pull.
	 */
	private Mono<Void> rawLoop(int pullers, int pullSize) {
		AtomicLong done = new AtomicLong();
		long target = this.expected.get();
		String base = "/client/v4/accounts/" + ACCOUNT + "/queues/" + QUEUE + "/messages";
		byte[] pullBody = ("{\"batch_size\":" + pullSize + ",\"visibility_timeout_ms\":" + LEASE.toMillis() + "}")
			.getBytes(StandardCharsets.UTF_8);
		Mono<Void> puller = post(base + "/pull", pullBody).flatMap((answer) -> {
			JsonNode pulled = this.mapper.readTree(answer).path("result").path("messages");
			ObjectNode ack = this.mapper.createObjectNode();
			ArrayNode acks = ack.putArray("acks");
			ack.putArray("retries");
			for (JsonNode message : pulled) {
				this.mapper.readValue(Base64.getDecoder().decode(message.path("body").stringValue()), Order.class);
				acks.addObject().put("lease_id", message.path("lease_id").stringValue());
			}
			int count = pulled.size();
			if (count == 0) {
				return Mono.<Void>empty();
			}
			return post(base + "/ack", this.mapper.writeValueAsBytes(ack))
				.then(Mono.fromRunnable(() -> done.addAndGet(count)));
		}).repeat(() -> done.get() < target).then();
		return Flux.range(0, pullers).flatMap((i) -> puller).then();
	}

	private Mono<byte[]> post(String path, byte[] body) {
		return this.http.post()
			.uri(path)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> {
				if (response.status().code() != 200) {
					return Mono.error(new IllegalStateException("HTTP " + response.status() + " for " + path));
				}
				return content.asByteArray();
			});
	}

	/**
	 * A listener container whose handler decodes each message and does nothing else, acknowledging on success, run
	 * until every message counted so far was handled and its acknowledgement answered.
	 */
	private Mono<Void> listener(int concurrency) {
		return Mono.fromCallable(() -> {
			long target = this.expected.get();
			CountDownLatch handled = new CountDownLatch((int) target);
			QueueConsumer consumer = consumer("listener-" + concurrency, Math.min(100, concurrency));
			ListenerSettings settings = ListenerSettings.builder()
				.concurrency(concurrency)
				.idleInterval(Duration.ofMillis(10), Duration.ofMillis(50))
				.build();
			QueueListenerContainer container = new DefaultQueueListenerContainerFactory((name) -> consumer,
					(name) -> settings)
				.create(QueueListenerEndpoint.of("benchmark-" + concurrency, "listener-" + concurrency,
						(ReceivedMessage message) -> {
							message.bodyAs(Order.class);
							handled.countDown();
							return Mono.empty();
						}, null));
			container.start();
			try {
				if (!handled.await(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
					throw new IllegalStateException("The listener handled " + (target - handled.getCount()) + " of "
							+ target + " messages in " + RUN_LIMIT);
				}
				while (this.queue.acknowledged().size() < target) {
					consumer.flush().block(RUN_LIMIT);
					Thread.sleep(1);
				}
			}
			finally {
				container.stop();
			}
			return null;
		}).then();
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	private static int medianIndex(List<Double> values) {
		double median = median(values);
		return values.indexOf(median);
	}

	/**
	 * The message every scenario decodes.
	 *
	 * @param id the order's id
	 * @param event what happened
	 * @param amountCents the amount
	 */
	record Order(long id, String event, long amountCents) {
	}

	private record Run(long nanos, long requests) {
	}

	private record Measured(List<Double> rounds, double requestsPerMessage) {

		double median() {
			return ConsumeScenarios.median(this.rounds);
		}

	}

}
