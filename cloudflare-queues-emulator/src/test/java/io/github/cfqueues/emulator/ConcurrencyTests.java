package io.github.cfqueues.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTests {

	private static final int THREADS = 8;

	private static final int PUSHES_PER_THREAD = 200;

	private CloudflareQueuesEmulator emulator;

	private EmulatedQueue queue;

	private ApiClient client;

	private ExecutorService executor;

	@BeforeEach
	void start() {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN).start();
		this.queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client = new ApiClient(this.emulator);
		this.executor = Executors.newFixedThreadPool(THREADS);
	}

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
		this.emulator.stop();
	}

	@Test
	void concurrentPushesAreAllStoredExactlyOnce() throws Exception {
		List<Future<List<Integer>>> results = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			int threadId = thread;
			results.add(this.executor.submit(() -> IntStream.range(0, PUSHES_PER_THREAD)
				.mapToObj((i) -> this.client.push(Bodies.text(threadId + "-" + i).toString()).statusCode())
				.toList()));
		}
		for (Future<List<Integer>> result : results) {
			assertThat(result.get()).containsOnly(200);
		}

		int total = THREADS * PUSHES_PER_THREAD;
		List<String> bodies = this.queue.messages().stream().map(StoredMessage::body).toList();
		assertThat(bodies).hasSize(total).doesNotHaveDuplicates();
		assertThat(new HashSet<>(bodies)).isEqualTo(expectedBodies());
		assertThat(this.queue.backlogCount()).isEqualTo(total);
		assertThat(this.queue.messages().stream().map(StoredMessage::id).distinct()).hasSize(total);
		assertThat(this.emulator.requests()).hasSize(total);
	}

	@Test
	void concurrentPullsLeaseEachMessageToOneConsumerOnly() throws Exception {
		for (int i = 0; i < THREADS * PUSHES_PER_THREAD / 100; i++) {
			int batch = i;
			this.client.batch(
					Bodies.batch(IntStream.range(0, 100).mapToObj((n) -> Bodies.text(batch + "-" + n)).toList()));
		}
		Set<String> delivered = ConcurrentHashMap.newKeySet();
		List<Future<Integer>> results = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			results.add(this.executor.submit(() -> consumeUntilEmpty(delivered)));
		}

		int total = 0;
		for (Future<Integer> result : results) {
			total += result.get();
		}

		assertThat(total).isEqualTo(THREADS * PUSHES_PER_THREAD);
		assertThat(delivered).hasSize(THREADS * PUSHES_PER_THREAD);
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void concurrentConsumersThatSometimesRetryAcknowledgeEveryMessageExactlyOnce() throws Exception {
		int total = 3_000;
		this.queue.configureConsumer(ConsumerSettings.defaults().withMaxRetries(100));
		for (int batch = 0; batch < total / 100; batch++) {
			int first = batch * 100;
			this.client.batch(Bodies.batch(IntStream.range(first, first + 100).mapToObj((n) -> Bodies.text("m" + n))
				.toList()));
		}
		Map<String, String> holders = new ConcurrentHashMap<>();
		Set<String> leases = ConcurrentHashMap.newKeySet();
		AtomicInteger acked = new AtomicInteger();
		List<Future<?>> consumers = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			String name = "consumer-" + thread;
			consumers.add(this.executor.submit(() -> consumeWithRetries(name, holders, leases, acked)));
		}
		for (Future<?> consumer : consumers) {
			consumer.get(2, TimeUnit.MINUTES);
		}

		assertThat(acked).hasValue(total);
		assertThat(this.queue.messages()).isEmpty();
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::id)
			.hasSize(total)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(this.queue.received().stream().map(StoredMessage::id).toList());
		assertThat(this.queue.dropped()).isEmpty();
		assertThat(this.queue.retried()).isNotEmpty();
	}

	/**
	 * Pulls until the queue is empty; retries about one message in ten, acknowledges the others, and checks that
	 * no message is held by two consumers at once and no lease is handed out twice.
	 */
	private Void consumeWithRetries(String name, Map<String, String> holders, Set<String> leases,
			AtomicInteger acked) {
		Random random = new Random(name.hashCode());
		while (true) {
			JsonNode messages = ApiClient.result(this.client
				.pull("{\"batch_size\":" + (1 + random.nextInt(20)) + ",\"visibility_timeout_ms\":600000}"))
				.get("messages");
			if (messages.isEmpty()) {
				if (this.queue.backlogCount() == 0) {
					return null;
				}
				continue;
			}
			StringBuilder acks = new StringBuilder();
			StringBuilder retries = new StringBuilder();
			for (JsonNode message : messages) {
				String lease = message.get("lease_id").stringValue();
				assertThat(leases.add(lease)).as("lease handed out twice").isTrue();
				assertThat(holders.putIfAbsent(message.get("id").stringValue(), name))
					.as("message leased to two consumers at once")
					.isNull();
			}
			for (JsonNode message : messages) {
				String lease = message.get("lease_id").stringValue();
				holders.remove(message.get("id").stringValue());
				StringBuilder side = (random.nextInt(10) == 0) ? retries : acks;
				side.append((side.length() > 0) ? "," : "").append("{\"lease_id\":\"").append(lease).append("\"}");
			}
			JsonNode result = ApiClient.result(this.client.ack("{\"acks\":[" + acks + "],\"retries\":[" + retries
					+ "]}"));
			assertThat(result.get("warnings")).isEmpty();
			acked.addAndGet(result.get("ackCount").intValue());
		}
	}

	private int consumeUntilEmpty(Set<String> delivered) {
		int count = 0;
		while (true) {
			JsonNode messages = ApiClient.result(this.client
				.pull("{\"batch_size\":10,\"visibility_timeout_ms\":600000}")).get("messages");
			if (messages.isEmpty()) {
				return count;
			}
			StringBuilder acks = new StringBuilder();
			for (JsonNode message : messages) {
				assertThat(delivered.add(message.get("id").stringValue())).as("delivered twice").isTrue();
				acks.append((acks.length() > 0) ? "," : "")
					.append("{\"lease_id\":\"")
					.append(message.get("lease_id").stringValue())
					.append("\"}");
				count++;
			}
			JsonNode ack = ApiClient.result(this.client.ack("{\"acks\":[" + acks + "]}"));
			assertThat(ack.get("ackCount").intValue()).isEqualTo(messages.size());
		}
	}

	private static Set<String> expectedBodies() {
		Set<String> expected = new HashSet<>();
		for (int thread = 0; thread < THREADS; thread++) {
			for (int i = 0; i < PUSHES_PER_THREAD; i++) {
				expected.add(thread + "-" + i);
			}
		}
		return expected;
	}

}
