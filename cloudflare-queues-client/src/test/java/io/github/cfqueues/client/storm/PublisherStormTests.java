package io.github.cfqueues.client.storm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.InvalidMessageException;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.publish.BatchingPublishers;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiters;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.storm.StormMessages.Case;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.FaultInjector;
import io.github.cfqueues.emulator.FaultRequest;
import io.github.cfqueues.emulator.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * (unpaired surrogates, control characters, emoji), sizes around the per-message limit, batch pushes at the batch
 * limits (exactly 100 messages and 101; exactly 256,000 bytes, just under and just over), valid and invalid delays,
 * null arguments and null elements, single and batch pushes, and server answers that fail in every way the client
 * meets (5xx, HTML 502, 429 with and without {@code Retry-After}, resets, answers slower than the request timeout
 * after the message was stored, answers too large to read).
 * <p>
 * Every push must end; every failure is a {@link CloudflareQueuesException} (a null argument throws at the call);
 * no request breaks a limit of Cloudflare's; a batch push that succeeds took as many requests as the limits call
 * for; every message reported delivered is in the queue, and nothing else is; a good push after the storm succeeds;
 * and the publisher holds nothing afterwards. {@code -Dcloudflare.queues.storm.cases=N} runs more cases (the Maven
 * profile {@code storm} runs 20,000), {@code -Dcloudflare.queues.storm.seed=S} replays a seed (it is printed on
 * failure): the messages are drawn in order from the seed, and each request's fault from the seed, the numbers of
 * the messages it carries and how often they were sent before, not from its arrival among 64 concurrent pushes. (A
 * batching publisher's batches still depend on timing, and so do their faults.)
 */
class PublisherStormTests {

	private static final int CASES = Integer.getInteger("cloudflare.queues.storm.cases", 1500);

	private static final long SEED = Long.getLong("cloudflare.queues.storm.seed", 20261201L);

	private static final long REPLAY_SEED = 42L;

	private static final Duration NEVER = Duration.ofSeconds(60);

	private static final JsonMapper JSON = new JsonMapper();

	/**
	 * How many cases apart the batch pushes at a limit come, each limit in turn.
	 */
	private static final int AT_THE_LIMIT_EVERY = 200;

	/**
	 * A message's number in a request body: {@code #<n>|} starts a text body, {@code "id":<n>} is in a JSON one.
	 */
	private static final Pattern MESSAGE_ID = Pattern.compile("#(-?\\d+)\\||\"id\":(-?\\d+)");

	/**
	 * Cloudflare's codes for a message too large (10204), a batch too large (10205) and too many messages (10206).
	 */
	private static final Set<Integer> LIMIT_CODES = Set.of(10204, 10205, 10206);

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
		this.emulator.setFaultInjector(faults(SEED));
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
		assertThat(errors).as(replay)
			.allSatisfy((error) -> assertThat(error).isInstanceOf(CloudflareQueuesException.class));
		assertThat(errors).as(replay).filteredOn(PublisherStormTests::brokeALimit).isEmpty();
		assertThat(outcomes).as(replay).filteredOn((outcome) -> outcome.wrongSplit() != null).isEmpty();
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

	@Test
	void aRequestGetsTheSameFaultWhateverOrderTheRequestsArriveIn() {
		List<FaultRequest> requests = new ArrayList<>();
		IntStream.range(0, 300).forEach((id) -> requests.add(request(id, false,
				"{\"body\":\"#" + id + "|text\",\"content_type\":\"text\"}")));
		IntStream.range(300, 330).forEach((id) -> requests.add(request(id, true, "{\"messages\":[{\"body\":{\"id\":"
				+ id + ",\"v\":\"a\"},\"content_type\":\"json\"},{\"body\":\"#" + (id + 1000)
				+ "|b\",\"content_type\":\"text\"}]}")));
		List<Fault> inOrder = decide(faults(REPLAY_SEED), requests);
		List<FaultRequest> shuffled = new ArrayList<>(requests);
		Collections.shuffle(shuffled, new Random(7));
		List<Fault> shuffledFaults = decide(faults(REPLAY_SEED), shuffled);

		for (int i = 0; i < shuffled.size(); i++) {
			assertThat(shuffledFaults.get(i)).as(shuffled.get(i).body())
				.isEqualTo(inOrder.get(requests.indexOf(shuffled.get(i))));
		}
		assertThat(inOrder).contains(Fault.none()).anyMatch((fault) -> !fault.equals(Fault.none()));
	}

	@Test
	void aRequestSentAgainGetsTheFaultOfItsAttemptWhateverOrderItsFieldsWereWrittenIn() {
		FaultInjector faults = faults(REPLAY_SEED);
		FaultInjector replay = faults(REPLAY_SEED);
		String body = "{\"body\":{\"id\":7,\"v\":\"x\"},\"content_type\":\"json\"}";
		String reordered = "{\"content_type\":\"json\",\"body\":{\"v\":\"x\",\"id\":7}}";
		List<Fault> attempts = new ArrayList<>();
		List<Fault> replayed = new ArrayList<>();
		for (int attempt = 0; attempt < 50; attempt++) {
			attempts.add(faults.decide(request(attempt, false, body)));
			replayed.add(replay.decide(request(attempt, false, reordered)));
		}
		assertThat(replayed).isEqualTo(attempts);
		assertThat(Set.copyOf(attempts)).hasSizeGreaterThan(1);
	}

	private static FaultRequest request(int sequence, boolean batch, String body) {
		return new FaultRequest("POST", TestPublishers.MESSAGES_PATH + (batch ? "/batch" : ""), TestPublishers.ACCOUNT,
				TestPublishers.QUEUE, sequence, body);
	}

	private static List<Fault> decide(FaultInjector faults, List<FaultRequest> requests) {
		return requests.stream().map(faults::decide).toList();
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

	/**
	 * Faults drawn from the seed, the numbers of the messages a request carries and the attempt: the same request
	 * gets the same fault in every run, however the requests interleave.
	 */
	static FaultInjector faults(long seed) {
		String tooLarge = "{\"success\":true,\"padding\":\"" + "z".repeat(21 * 1024 * 1024) + "\"}";
		Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
		return (request) -> {
			String carried = carriedIds(request);
			int attempt = attempts.computeIfAbsent(carried, (key) -> new AtomicInteger()).incrementAndGet();
			int roll = new SplittableRandom((seed * 1_000_003L + carried.hashCode()) * 1_000_003L + attempt)
				.nextInt(1000);
			return fault(roll, tooLarge);
		};
	}

	/**
	 * The numbers of the messages in a request, in order, whatever order a JSON body's fields were written in.
	 */
	private static String carriedIds(FaultRequest request) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = MESSAGE_ID.matcher(request.body());
		while (matcher.find()) {
			ids.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		ids.sort(Comparator.comparingInt(Integer::parseInt));
		return (request.isBatch() ? "batch " : "push ") + ids;
	}

	private static Fault fault(int roll, String tooLarge) {
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
	}

	/**
	 * Whether Cloudflare refused a request for breaking a size or count limit: the client must have split it, or
	 * refused the message before sending.
	 */
	private static boolean brokeALimit(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof CloudflareQueuesException failure && failure.getErrors()
				.stream()
				.anyMatch((apiError) -> LIMIT_CODES.contains(apiError.code()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The outcome of one operation: a push or a batch push.
	 *
	 * @param attempted the numbers of the messages it tried to send
	 * @param delivered the numbers it reported delivered
	 * @param errors the errors it ended with
	 * @param invalid whether it held a message the client must refuse before any request
	 * @param hung whether it did not end
	 * @param wrongSplit how a successful batch push was split against the limits, when wrongly; otherwise {@code null}
	 */
	record Outcome(List<Integer> attempted, List<Integer> delivered, List<Throwable> errors, boolean invalid,
			boolean hung, @Nullable String wrongSplit) {

		static Outcome delivered(List<Integer> ids, boolean invalid) {
			return new Outcome(ids, ids, List.of(), invalid, false, null);
		}

		static Outcome of(List<Integer> ids, boolean invalid, Throwable error) {
			if (error instanceof TimeoutException) {
				return new Outcome(ids, List.of(), List.of(), invalid, true, null);
			}
			List<Integer> delivered = (error instanceof BatchPushException partial)
					? partial.getDelivered().stream().map(ids::get).toList() : List.of();
			return new Outcome(ids, delivered, List.of(error), invalid, false, null);
		}

	}

	/**
	 * A batch push at a limit of Cloudflare's, with the requests it takes.
	 */
	private enum AtTheLimit {

		HUNDRED_MESSAGES(1), HUNDRED_AND_ONE_MESSAGES(2), EXACTLY_THE_BYTES(1), JUST_UNDER_THE_BYTES(1),
		JUST_OVER_THE_BYTES(2), NULL_ELEMENT(0);

		private final int requests;

		AtTheLimit(int requests) {
			this.requests = requests;
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
			AtTheLimit[] limits = AtTheLimit.values();
			int nextAtTheLimit = AT_THE_LIMIT_EVERY;
			int id = 0;
			while (id < CASES) {
				if (id >= nextAtTheLimit) {
					AtTheLimit limit = limits[(nextAtTheLimit / AT_THE_LIMIT_EVERY - 1) % limits.length];
					List<Case> cases = atTheLimit(limit, id);
					id += cases.size();
					operations.add(batchAtTheLimit(publisher, cases, limit));
					nextAtTheLimit += AT_THE_LIMIT_EVERY;
				}
				else if (this.random.nextInt(100) < 2) {
					int size = 2 + this.random.nextInt(40);
					List<Case> cases = new ArrayList<>();
					for (int i = 0; i < size && id < CASES; i++) {
						cases.add(this.messages.next(id++));
					}
					operations.add(batch(publisher, cases, 0));
				}
				else {
					operations.add(single(publisher, this.messages.next(id++)));
				}
			}
			return operations;
		}

		private List<Case> atTheLimit(AtTheLimit limit, int firstId) {
			List<Case> cases = new ArrayList<>();
			int id = firstId;
			switch (limit) {
				case HUNDRED_MESSAGES, HUNDRED_AND_ONE_MESSAGES, NULL_ELEMENT -> {
					int count = (limit == AtTheLimit.HUNDRED_MESSAGES) ? 100
							: (limit == AtTheLimit.HUNDRED_AND_ONE_MESSAGES) ? 101 : 3;
					for (int i = 0; i < count; i++) {
						cases.add(this.messages.small(id++));
					}
				}
				case EXACTLY_THE_BYTES -> {
					cases.add(this.messages.ofSize(id++, 128_000));
					cases.add(this.messages.ofSize(id++, 128_000));
				}
				case JUST_UNDER_THE_BYTES -> {
					cases.add(this.messages.ofSize(id++, 128_000));
					cases.add(this.messages.ofSize(id++, 127_999));
				}
				case JUST_OVER_THE_BYTES -> {
					cases.add(this.messages.ofSize(id++, 100_000));
					cases.add(this.messages.ofSize(id++, 100_000));
					cases.add(this.messages.ofSize(id++, 56_001));
				}
			}
			return cases;
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
				.map((response) -> Outcome.delivered(ids, c.invalid()))
				.onErrorResume((error) -> Mono.just(Outcome.of(ids, c.invalid(), error)));
		}

		private static Mono<Outcome> batchAtTheLimit(QueuePublisher publisher, List<Case> cases, AtTheLimit limit) {
			if (limit == AtTheLimit.NULL_ELEMENT) {
				List<QueueMessage> withNull = new ArrayList<>(cases.stream().map(Case::message).toList());
				withNull.set(1, null);
				assertThatNullPointerException().isThrownBy(() -> publisher.pushBatch(withNull))
					.withMessage("Message 1 of the batch is null");
				return Mono.empty();
			}
			return batch(publisher, cases, limit.requests);
		}

		/**
		 * A batch push of the cases that have a message; a successful one must have taken
		 * {@code expectedRequests} requests, unless that is 0.
		 */
		private static Mono<Outcome> batch(QueuePublisher publisher, List<Case> cases, int expectedRequests) {
			List<Case> sendable = cases.stream().filter((c) -> c.message() != null).toList();
			List<QueueMessage> batch = sendable.stream().map(Case::message).toList();
			List<Integer> ids = sendable.stream().map(Case::id).toList();
			boolean invalid = sendable.stream().anyMatch(Case::invalid);
			return publisher.pushBatch(batch)
				.timeout(NEVER)
				.map((response) -> (expectedRequests == 0 || response.requestCount() == expectedRequests)
						? Outcome.delivered(ids, invalid)
						: new Outcome(ids, ids, List.of(), invalid, false, ids.size() + " messages from #" + ids.get(0)
								+ " took " + response.requestCount() + " requests, not " + expectedRequests))
				.onErrorResume((error) -> Mono.just(Outcome.of(ids, invalid, error)));
		}

	}

}
