package io.github.cfqueues.client.storm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.internal.publish.BatchingPublishers;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.InvalidMessageException;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiters;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.storm.StormMessages.Case;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.FaultInjector;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

/**
 * A seeded storm of hostile messages against a misbehaving server, for each kind of publisher: random Unicode
 * (unpaired surrogates, control characters, emoji), sizes around the limit, valid and invalid delays, null
 * arguments, single and batch pushes, and server answers that fail in every way the client meets (5xx, HTML 502,
 * 429 with and without {@code Retry-After}, resets, answers slower than the request timeout after the message was
 * stored, answers too large to read).
 * <p>
 * Every push must end; every failure is a {@link CloudflareQueuesException} (a null argument throws at the call);
 * every message reported delivered is in the queue, and nothing else is; a good push after the storm succeeds; and
 * the publisher holds nothing afterwards. {@code -Dcloudflare.queues.storm.cases=N} runs more cases (the Maven
 * profile {@code storm} runs 20,000), {@code -Dcloudflare.queues.storm.seed=S} replays a seed (it is printed on
 * failure).
 */
class PublisherStormTests {

	private static final int CASES = Integer.getInteger("cloudflare.queues.storm.cases", 1500);

	private static final long SEED = Long.getLong("cloudflare.queues.storm.seed", 20261201L);

	private static final Duration NEVER = Duration.ofSeconds(60);

	private static final JsonMapper JSON = new JsonMapper();

	private CloudflareQueuesEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = BatchingPublishers.startEmulator();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	static Stream<String> publishers() {
		return Stream.of("per-message", "batching");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("publishers")
	void everyPushEndsTypedAndEveryDeliveredMessageIsStored(String kind) {
		this.emulator.setFaultInjector(faults(new Random(SEED)));
		String url = "http://127.0.0.1:" + this.emulator.port();
		RetrySettings retry = new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, 0.5,
				Duration.ofSeconds(2));
		RequestGate gate = AccountRateLimiters.pausesOnly(Duration.ofSeconds(5), Duration.ofMillis(300))
			.forQueue(TestPublishers.at(url).endpoint());
		QueuePublisher publisher = kind.equals("per-message")
				? TestPublishers.at(url).retry(retry).requestTimeout(Duration.ofMillis(300)).gate(gate).build()
				: BatchingPublishers.at(url).retry(retry).requestTimeout(Duration.ofMillis(300)).gate(gate)
					.batching(100, 256_000, Duration.ZERO, 2).build();

		Storm storm = new Storm(new StormMessages(SEED), new Random(SEED + 1));
		List<Outcome> outcomes = Flux.fromIterable(storm.operations(publisher)).flatMap((operation) -> operation, 64)
			.collectList()
			.block(Duration.ofMinutes(5));

		String replay = "seed " + SEED + ", " + CASES + " cases, " + kind;
		assertThat(outcomes).as(replay).noneMatch(Outcome::hung);
		List<Throwable> errors = outcomes.stream().flatMap((outcome) -> outcome.errors().stream()).toList();
		assertThat(errors).as(replay).allSatisfy((error) -> assertThat(error).isInstanceOf(CloudflareQueuesException.class));
		assertThat(outcomes).as(replay)
			.filteredOn(Outcome::invalid)
			.allSatisfy((outcome) -> assertThat(outcome.errors()).singleElement()
				.isInstanceOf(InvalidMessageException.class));
		Set<Integer> delivered = new HashSet<>();
		outcomes.forEach((outcome) -> delivered.addAll(outcome.delivered()));
		Set<Integer> attempted = new HashSet<>();
		outcomes.forEach((outcome) -> attempted.addAll(outcome.attempted()));
		Set<Integer> stored = storedIds();
		assertThat(stored).as(replay).containsAll(delivered);
		assertThat(attempted).as(replay).containsAll(stored);
		assertThat(delivered).as(replay).isNotEmpty();

		this.emulator.setFaultInjector(FaultInjector.none());
		assertThat(publisher.pushText("#-1|after the storm").block(Duration.ofSeconds(10))).isNotNull();
		FlowController flow = BatchingPublishers.flowOf(publisher);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(flow.outstandingMessages()).isZero();
			assertThat(flow.outstandingBytes()).isZero();
			assertThat(flow.waiting()).isZero();
		});
	}

	private Set<Integer> storedIds() {
		Set<Integer> ids = new HashSet<>();
		for (StoredMessage message : this.emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.orElseThrow()
			.received()) {
			String body = message.bodyAsText();
			int id = message.isText() ? Integer.parseInt(body.substring(1, body.indexOf('|')))
					: JSON.readTree(body).get("id").asInt();
			if (id >= 0) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static FaultInjector faults(Random random) {
		String tooLarge = "{\"success\":true,\"padding\":\"" + "z".repeat(21 * 1024 * 1024) + "\"}";
		return (request) -> {
			int roll;
			synchronized (random) {
				roll = random.nextInt(1000);
			}
			if (roll < 50) {
				return Fault.internalServerError();
			}
			if (roll < 80) {
				return Fault.badGatewayHtml();
			}
			if (roll < 100) {
				return Fault.rateLimited(Duration.ZERO);
			}
			if (roll < 102) {
				return Fault.rateLimited(Duration.ofSeconds(1));
			}
			if (roll < 107) {
				return Fault.error(429, 971, "Please wait and consider throttling your request speed");
			}
			if (roll < 127) {
				return Fault.dropConnection();
			}
			if (roll < 157) {
				return Fault.delayAfterStore(Duration.ofMillis(100 + roll % 300));
			}
			if (roll < 160) {
				return Fault.status(200, "application/json", tooLarge);
			}
			return Fault.none();
		};
	}

	/**
	 * The outcome of one operation: a push or a batch push.
	 *
	 * @param attempted the numbers of the messages it tried to send
	 * @param delivered the numbers it reported delivered
	 * @param errors the errors it ended with
	 * @param invalid whether it held a message the client must refuse before any request
	 * @param hung whether it did not end
	 */
	record Outcome(List<Integer> attempted, List<Integer> delivered, List<Throwable> errors, boolean invalid,
			boolean hung) {

		static Outcome of(List<Integer> ids, boolean invalid, Throwable error) {
			if (error instanceof TimeoutException) {
				return new Outcome(ids, List.of(), List.of(), invalid, true);
			}
			List<Integer> delivered = (error instanceof BatchPushException partial)
					? partial.getDelivered().stream().map(ids::get).toList() : List.of();
			return new Outcome(ids, delivered, List.of(error), invalid, false);
		}

	}

	/**
	 * Turns generated cases into operations: mostly single pushes, sometimes a batch push of the next cases.
	 */
	private static final class Storm {

		private final StormMessages messages;

		private final Random random;

		Storm(StormMessages messages, Random random) {
			this.messages = messages;
			this.random = random;
		}

		List<Mono<Outcome>> operations(QueuePublisher publisher) {
			List<Mono<Outcome>> operations = new ArrayList<>();
			int id = 0;
			while (id < CASES) {
				if (this.random.nextInt(100) < 2) {
					int size = 2 + this.random.nextInt(40);
					List<Case> cases = new ArrayList<>();
					for (int i = 0; i < size && id < CASES; i++) {
						cases.add(this.messages.next(id++));
					}
					operations.add(batch(publisher, cases));
				}
				else {
					operations.add(single(publisher, this.messages.next(id++)));
				}
			}
			return operations;
		}

		private static Mono<Outcome> single(QueuePublisher publisher, Case c) {
			if (c.message() == null) {
				if (!c.delayRefused()) {
					assertThatNullPointerException().isThrownBy(() -> publisher.push(null));
				}
				return Mono.empty();
			}
			List<Integer> ids = List.of(c.id());
			return publisher.push(c.message())
				.timeout(NEVER)
				.map((response) -> new Outcome(ids, ids, List.of(), c.invalid(), false))
				.onErrorResume((error) -> Mono.just(Outcome.of(ids, c.invalid(), error)));
		}

		private static Mono<Outcome> batch(QueuePublisher publisher, List<Case> cases) {
			List<Case> sendable = cases.stream().filter((c) -> c.message() != null).toList();
			List<QueueMessage> batch = sendable.stream().map(Case::message).toList();
			List<Integer> ids = sendable.stream().map(Case::id).toList();
			boolean invalid = sendable.stream().anyMatch(Case::invalid);
			return publisher.pushBatch(batch)
				.timeout(NEVER)
				.map((response) -> new Outcome(ids, ids, List.of(), invalid, false))
				.onErrorResume((error) -> Mono.just(Outcome.of(ids, invalid, error)));
		}

	}

}
