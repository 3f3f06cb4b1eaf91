package io.github.cfqueues.client.internal.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.BatchPushException;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.MessageRejectedException;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.failure;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.flowOf;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.pushWithoutWaiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad message or one broken batch affects nothing else: a batch Cloudflare rejects for its content is sent
 * again in halves until only the rejected message fails, and a batch that fails in any other way fails its own
 * callers and frees its place in flight for the next.
 */
class BatchIsolationTests {

	private static final Duration LONG_WAIT = Duration.ofSeconds(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String OK = "{\"success\":true,\"errors\":[],\"messages\":[]}";

	private static final String REJECTED = "{\"success\":false,\"errors\":[{\"code\":10207,"
			+ "\"message\":\"JSONRequestBodyInvalid\"}],\"messages\":[]}";

	private static final JsonMapper JSON = new JsonMapper();

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@BeforeEach
	void stubRejectsPoison() {
		server.stubFor(post(urlEqualTo(TestPublishers.BATCH_PATH)).atPriority(1)
			.withRequestBody(containing("poison"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(REJECTED)));
		server.stubFor(post(urlEqualTo(TestPublishers.BATCH_PATH)).atPriority(2).willReturn(okJson(OK)));
	}

	private static List<QueueMessage> hundredWithPoisonAt(int poison) {
		List<QueueMessage> messages = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			messages.add(QueueMessage.text((i == poison) ? "poison" : "m" + i));
		}
		return messages;
	}

	private static List<List<String>> requests() {
		List<List<String>> batches = new ArrayList<>();
		for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo(TestPublishers.BATCH_PATH)))) {
			List<String> bodies = new ArrayList<>();
			JSON.readTree(request.getBodyAsString()).get("messages").forEach((m) -> bodies.add(m.get("body").asString()));
			batches.add(bodies);
		}
		return batches;
	}

	@Test
	void aPoisonMessageInAGatheredBatchFailsAloneAndTheOthersAreDeliveredInFewExtraRequests() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(server.baseUrl())
			.batching(100, 256_000, LONG_WAIT, 1)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher, hundredWithPoisonAt(37));

		assertThat(failure(pushes.get(37))).isInstanceOfSatisfying(MessageRejectedException.class, (rejected) -> {
			assertThat(rejected.getHttpStatus()).isEqualTo(400);
			assertThat(rejected.getDetails().hasCode(10207)).isTrue();
		});
		for (int i = 0; i < 100; i++) {
			if (i != 37) {
				assertThat(pushes.get(i)).succeedsWithin(TIMEOUT);
			}
		}
		List<List<String>> requests = requests();
		List<String> accepted = requests.stream().filter((batch) -> !batch.contains("poison")).flatMap(List::stream)
			.toList();
		assertThat(accepted).hasSize(99).doesNotHaveDuplicates();
		// The rejected batch of 100, then 2 requests per halving until the poison is alone: 50, 25, 13, 6, 3, 1.
		assertThat(requests).hasSize(13);
		assertThat(flowOf(publisher).outstandingMessages()).isZero();
	}

	@Test
	void anExplicitBatchPushKeepsItsAllCheckedFirstBehaviourAndIsNotSplit() {
		BatchingQueuePublisher publisher = BatchingPublishers.at(server.baseUrl()).build();

		StepVerifier.create(publisher.pushBatch(hundredWithPoisonAt(0)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(BatchPushException.class,
					(failed) -> assertThat(failed.getUndelivered()).hasSize(100)))
			.verify(TIMEOUT);
		assertThat(requests()).hasSize(1);
	}

	@Test
	void aBatchThatBreaksBeforeItsRequestFailsItsOwnCallersAndTheNextBatchesGoOn() {
		AtomicInteger permits = new AtomicInteger();
		RequestGate breaksOnce = new RequestGate() {

			@Override
			public Mono<Void> permit(QueueEndpoint endpoint, String operation) {
				if (permits.getAndIncrement() == 0) {
					throw new IllegalStateException("broken gate");
				}
				return Mono.empty();
			}

			@Override
			public void onFailure(CloudflareQueuesException failure) {
			}

		};
		BatchingQueuePublisher publisher = BatchingPublishers.at(server.baseUrl())
			.batching(2, 256_000, LONG_WAIT, 1)
			.gate(breaksOnce)
			.build();

		List<CompletableFuture<MessagePushResponse>> pushes = pushWithoutWaiting(publisher,
				BatchingPublishers.texts(0, 6));

		assertThat(failure(pushes.get(0))).isInstanceOf(IllegalStateException.class).hasMessage("broken gate");
		assertThat(failure(pushes.get(1))).isInstanceOf(IllegalStateException.class);
		assertThat(pushes.subList(2, 6)).allSatisfy((push) -> assertThat(push).succeedsWithin(TIMEOUT));
		assertThat(requests()).containsExactly(List.of("m2", "m3"), List.of("m4", "m5"));
		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(flowOf(publisher).outstandingMessages()).isZero();
	}

}
