package io.github.cfqueues.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
