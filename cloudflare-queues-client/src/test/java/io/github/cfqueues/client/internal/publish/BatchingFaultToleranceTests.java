package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.Faults;
import io.github.cfqueues.emulator.RecordedRequest;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.fastRetries;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.flowOf;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.stored;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of messages through a batching publisher while the server fails a share of requests in every way it
 * can: 500s, HTML 502s, 429s with {@code Retry-After}, dropped connections, and answers held past the request
 * timeout after the batch was stored (the classic source of duplicates). Every message must end delivered or
 * failed to its caller; none may be lost silently.
 */
class BatchingFaultToleranceTests {

	private static final int MESSAGES = 3_000;

	private static final JsonMapper JSON = new JsonMapper();

	private CloudflareQueuesEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = BatchingPublishers.startEmulator();
		this.emulator.setFaultInjector(Faults.randomly(new Random(20_250_521))
			.withShare(0.08, Fault.internalServerError())
			.withShare(0.06, Fault.badGatewayHtml())
			.withShare(0.05, Fault.rateLimited(Duration.ofSeconds(1)))
			.withShare(0.06, Fault.dropConnection())
			.withShare(0.06, Fault.delayAfterStore(Duration.ofMillis(600)))
			.build());
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	@Test
	void everyMessageEndsDeliveredOrFailedToItsCallerAndNoneIsLost() throws Exception {
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator)
			.batching(20, 256_000, Duration.ofMillis(20), 4)
			.requestTimeout(Duration.ofMillis(300))
			.retry(fastRetries(4))
			.build();
		long start = System.nanoTime();

		List<CompletableFuture<MessagePushResponse>> pushes = new ArrayList<>(MESSAGES);
		for (int id = 0; id < MESSAGES; id++) {
			pushes.add(publisher.push(QueueMessage.json(new Tagged(id, "payload-" + id))).toFuture());
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(pushes.toArray(CompletableFuture[]::new));
		all.handle((result, ex) -> null).get(60, TimeUnit.SECONDS);
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

		assertThat(pushes).as("every push ended").allMatch(CompletableFuture::isDone);
		Map<Integer, Long> storedCopies = storedCopiesById();
		List<Integer> succeeded = new ArrayList<>();
		Map<Integer, Throwable> failed = new TreeMap<>();
		for (int id = 0; id < MESSAGES; id++) {
			CompletableFuture<MessagePushResponse> push = pushes.get(id);
			if (push.isCompletedExceptionally()) {
				failed.put(id, BatchingPublishers.failure(push));
			}
			else {
				succeeded.add(id);
			}
		}
		List<Integer> lost = succeeded.stream().filter((id) -> !storedCopies.containsKey(id)).toList();
		long delivered = storedCopies.size();
		long duplicates = storedCopies.values().stream().filter((copies) -> copies > 1).count();
		long extraCopies = storedCopies.values().stream().mapToLong((copies) -> copies - 1).sum();
		long failedButStored = failed.keySet().stream().filter(storedCopies::containsKey).count();
		Map<Integer, Long> statuses = this.emulator.requests()
			.stream()
			.collect(Collectors.groupingBy(RecordedRequest::status, TreeMap::new, Collectors.counting()));
		System.out.printf("Batching fault test: %d messages in %d ms; %d succeeded, %d delivered (stored at least "
				+ "once), %d failed to their callers (%d of them stored anyway), %d lost; %d ids stored more than "
				+ "once (%d extra copies); requests by status (0 = dropped): %s%n", MESSAGES, millis,
				succeeded.size(), delivered, failed.size(), failedButStored, lost.size(), duplicates, extraCopies,
				statuses);

		assertThat(lost).as("messages whose push succeeded but that the server does not have").isEmpty();
		assertThat(succeeded.size() + failed.size()).isEqualTo(MESSAGES);
		assertThat(failed.values()).allSatisfy((error) -> assertThat(error).isInstanceOf(CloudflareQueuesException.class));
		assertThat(storedCopies.keySet()).allMatch((id) -> id >= 0 && id < MESSAGES);
		assertThat(statuses).as("every kind of failure was injected").containsKeys(500, 502, 429, 0);
		assertThat(flowOf(publisher).outstandingMessages()).isZero();
	}

	private Map<Integer, Long> storedCopiesById() {
		Map<Integer, Long> copies = new HashMap<>();
		for (StoredMessage message : stored(this.emulator)) {
			int id = JSON.readValue(message.body(), Tagged.class).id();
			copies.merge(id, 1L, Long::sum);
		}
		return copies;
	}

	record Tagged(int id, String payload) {
	}

}
