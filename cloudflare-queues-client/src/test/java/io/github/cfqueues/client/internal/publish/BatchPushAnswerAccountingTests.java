package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every request of a {@code pushBatch} call is accounted for: one answer per request, and on a failure exactly the
 * messages of the answered requests are reported delivered. Run thousands of times, because the Reactor operator
 * this once relied on ({@code concatMap} without prefetch, reactor/reactor-core#4406) lost an inner answer about
 * once in a hundred calls when the request signal came from another thread.
 */
class BatchPushAnswerAccountingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int CALLS = 1000;

	private CloudflareQueuesEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = BatchingPublishers.startEmulator();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	@Test
	void everyRequestOfThousandsOfSequentialBatchPushesHasItsAnswer() {
		QueuePublisher publisher = TestPublishers.at("http://127.0.0.1:" + this.emulator.port()).build();
		List<QueueMessage> messages = texts(250);
		int incomplete = 0;
		for (int call = 0; call < CALLS; call++) {
			BatchPushResponse response = publisher.pushBatch(messages).block(TIMEOUT);
			if (response.requestCount() != 3) {
				incomplete++;
			}
		}
		assertThat(incomplete).as("calls answered with fewer than 3 answers").isZero();
		assertThat(BatchingPublishers.stored(this.emulator)).hasSize(CALLS * 250);
	}

	@Test
	void aFailureAfterTwoAnsweredRequestsReportsExactlyTheirMessagesDelivered() {
		this.emulator.setFaultInjector((request) -> (request.sequence() % 3 == 0)
				? Fault.error(400, 10207, "JSONRequestBodyInvalid") : Fault.none());
		QueuePublisher publisher = TestPublishers.at("http://127.0.0.1:" + this.emulator.port()).build();
		List<QueueMessage> messages = texts(250);
		List<Integer> delivered = IntStream.range(0, 200).boxed().toList();
		List<Integer> undelivered = IntStream.range(200, 250).boxed().toList();
		int wrong = 0;
		for (int call = 0; call < CALLS; call++) {
			BatchPushException failure = catchThrowableOfType(BatchPushException.class,
					() -> publisher.pushBatch(messages).block(TIMEOUT));
			if (!failure.getDelivered().equals(delivered) || !failure.getUndelivered().equals(undelivered)) {
				wrong++;
			}
		}
		assertThat(wrong).as("calls whose delivered/undelivered split was wrong").isZero();
		assertThat(BatchingPublishers.stored(this.emulator)).hasSize(CALLS * 200);
	}

	private static List<QueueMessage> texts(int count) {
		return IntStream.range(0, count).mapToObj((i) -> QueueMessage.text("m" + i)).toList();
	}

}
