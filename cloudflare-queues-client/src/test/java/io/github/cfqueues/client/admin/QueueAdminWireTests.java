package io.github.cfqueues.client.admin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.RateLimitSettings;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.error.QueueRequestException;
import io.github.cfqueues.client.error.QueueServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a {@link QueueAdmin} sends for each call and how it reads the answers: exact method, path, headers and JSON,
 * the list read page by page, ids found by name remembered, arguments refused before any request, and the error
 * model, retries and rate-limit permits publishing has.
 */
class QueueAdminWireTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String ACCOUNT = TestPublishers.ACCOUNT;

	private static final String QUEUE = TestPublishers.QUEUE;

	private static final String QUEUES_PATH = "/client/v4/accounts/" + ACCOUNT + "/queues";

	private static final String QUEUE_PATH = QUEUES_PATH + "/" + QUEUE;

	private static final String CONSUMER = "c0ffee00c0ffee00c0ffee00c0ffee00";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private CloudflareQueuesClient client;

	private QueueAdmin admin() {
		return admin(RetrySettings.none(), RateLimitSettings.CLOUDFLARE);
	}

	private QueueAdmin admin(RetrySettings retry, RateLimitSettings rateLimit) {
		this.client = CloudflareQueuesClient.builder()
			.baseUrl(URI.create(server.baseUrl() + "/client/v4"))
			.accountId(ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.retry(retry)
			.rateLimit(rateLimit)
			.build();
		return this.client.admin();
	}

	@AfterEach
	void closeClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private static String queueJson(String id, String name) {
		return """
				{"queue_id":"%s","queue_name":"%s","created_on":"2026-01-02T03:04:05.000000Z",
				 "modified_on":"2026-01-03T03:04:05Z","producers":[],"producers_total_count":0,
				 "consumers":[%s],"consumers_total_count":1,
				 "settings":{"delivery_delay":5,"delivery_paused":false,"message_retention_period":345600}}"""
			.formatted(id, name, consumerJson());
	}

	private static String consumerJson() {
		return """
				{"consumer_id":"%s","type":"http_pull","queue_id":"%s","created_on":"2026-01-02T03:04:05Z",
				 "settings":{"batch_size":10,"max_retries":3,"retry_delay":30,"visibility_timeout_ms":60000},
				 "dead_letter_queue":"orders-dlq"}""".formatted(CONSUMER, QUEUE);
	}

	private static String ok(String result) {
		return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result + "}";
	}

	private static String page(List<String> queues, int page, int perPage, int total) {
		int pages = (total + perPage - 1) / perPage;
		return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[" + String.join(",", queues)
				+ "],\"result_info\":{\"page\":" + page + ",\"per_page\":" + perPage + ",\"count\":" + queues.size()
				+ ",\"total_count\":" + total + ",\"total_pages\":" + pages + "}}";
	}

	private static RequestPatternBuilder withCredentials(RequestPatternBuilder request) {
		return request.withHeader("Authorization", equalTo("Bearer " + TestPublishers.TOKEN))
			.withHeader("Accept", equalTo("application/json"));
	}

	private static String id(int i) {
		return "%032x".formatted(i + 1);
	}

	@Test
	void getQueueReadsEveryFieldOfTheAnswer() {
		server.stubFor(get(urlEqualTo(QUEUE_PATH)).willReturn(okJson(ok(queueJson(QUEUE, "orders")))));

		QueueInfo queue = admin().getQueue(QUEUE).block(TIMEOUT);

		server.verify(withCredentials(getRequestedFor(urlEqualTo(QUEUE_PATH))));
		assertThat(queue.queueId()).isEqualTo(QUEUE);
		assertThat(queue.queueName()).isEqualTo("orders");
		assertThat(queue.createdOn()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
		assertThat(queue.modifiedOn()).isEqualTo(Instant.parse("2026-01-03T03:04:05Z"));
		assertThat(queue.settings()).isEqualTo(new QueueSettings(Duration.ofSeconds(5), false, Duration.ofDays(4)));
		assertThat(queue.hasHttpPullConsumer()).isTrue();
		assertThat(queue.consumers()).containsExactly(new ConsumerInfo(CONSUMER, "http_pull", null,
				Instant.parse("2026-01-02T03:04:05Z"), 10, 3, Duration.ofSeconds(30), Duration.ofMinutes(1),
				"orders-dlq"));
	}

	@Test
	void createQueueSendsOnlyTheName() {
		server.stubFor(post(urlEqualTo(QUEUES_PATH)).willReturn(okJson(ok(queueJson(QUEUE, "orders")))));

		StepVerifier.create(admin().createQueue("orders"))
			.assertNext((queue) -> assertThat(queue.queueId()).isEqualTo(QUEUE))
			.verifyComplete();

		server.verify(withCredentials(postRequestedFor(urlEqualTo(QUEUES_PATH)))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"queue_name\":\"orders\"}", false, false)));
	}

	@Test
	void updateQueuePatchesOnlyTheSettingsGiven() {
		server.stubFor(patch(urlEqualTo(QUEUE_PATH)).willReturn(okJson(ok(queueJson(QUEUE, "orders")))));
		QueueAdmin admin = admin();

		admin.updateQueue(QUEUE, QueueSettingsUpdate.builder().deliveryPaused(true).build()).block(TIMEOUT);
		admin.updateQueue(QUEUE, QueueSettingsUpdate.builder()
			.deliveryDelay(Duration.ofMinutes(2))
			.messageRetentionPeriod(Duration.ofDays(14))
			.build()).block(TIMEOUT);

		server.verify(withCredentials(patchRequestedFor(urlEqualTo(QUEUE_PATH)))
			.withRequestBody(equalToJson("{\"settings\":{\"delivery_paused\":true}}", false, false)));
		server.verify(patchRequestedFor(urlEqualTo(QUEUE_PATH)).withRequestBody(equalToJson(
				"{\"settings\":{\"delivery_delay\":120,\"message_retention_period\":1209600}}", false, false)));
	}

	@Test
	void deleteQueueAndPurgeAndItsStatus() {
		server.stubFor(delete(urlEqualTo(QUEUE_PATH)).willReturn(okJson(ok("null"))));
		server.stubFor(post(urlEqualTo(QUEUE_PATH + "/purge")).willReturn(okJson(ok(queueJson(QUEUE, "orders")))));
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/purge"))
			.willReturn(okJson(ok("{\"started_at\":\"2026-02-01T10:00:00Z\",\"completed\":\"true\"}"))));
		QueueAdmin admin = admin();

		StepVerifier.create(admin.purge(QUEUE)).verifyComplete();
		StepVerifier.create(admin.purgeStatus(QUEUE))
			.expectNext(new PurgeStatus(Instant.parse("2026-02-01T10:00:00Z"), true))
			.verifyComplete();
		StepVerifier.create(admin.deleteQueue(QUEUE)).verifyComplete();

		server.verify(withCredentials(postRequestedFor(urlEqualTo(QUEUE_PATH + "/purge")))
			.withRequestBody(equalToJson("{\"delete_messages_permanently\":true}", false, false)));
		server.verify(withCredentials(getRequestedFor(urlEqualTo(QUEUE_PATH + "/purge"))));
		server.verify(withCredentials(deleteRequestedFor(urlEqualTo(QUEUE_PATH))));
	}

	@Test
	void aQueueNeverPurgedHasNoPurgeStatus() {
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/purge")).willReturn(okJson(ok("{}"))));

		PurgeStatus status = admin().purgeStatus(QUEUE).block(TIMEOUT);

		assertThat(status.wasPurged()).isFalse();
		assertThat(status.completed()).isFalse();
	}

	@Test
	void metricsAreReadFromTheQueuesMetricsEndpoint() {
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/metrics")).willReturn(okJson(ok(
				"{\"backlog_count\":7,\"backlog_bytes\":700,\"oldest_message_timestamp_ms\":1767225600000}"))));

		QueueMetrics metrics = admin().metrics(QUEUE).block(TIMEOUT);

		assertThat(metrics).isEqualTo(new QueueMetrics(7L, 700L, Instant.parse("2026-01-01T00:00:00Z")));
		server.verify(withCredentials(getRequestedFor(urlEqualTo(QUEUE_PATH + "/metrics"))));
	}

	@Test
	void consumersAreListedCreatedReadReplacedAndDeleted() {
		String consumers = QUEUE_PATH + "/consumers";
		String consumer = consumers + "/" + CONSUMER;
		String worker = """
				{"consumer_id":"%s","type":"worker","script_name":"order-worker",
				 "settings":{"batch_size":10,"max_retries":3,"max_wait_time_ms":5000}}""".formatted(id(99));
		server.stubFor(get(urlEqualTo(consumers)).willReturn(okJson(ok("[" + worker + "]"))));
		server.stubFor(post(urlEqualTo(consumers)).willReturn(okJson(ok(consumerJson()))));
		server.stubFor(get(urlEqualTo(consumer)).willReturn(okJson(ok(consumerJson()))));
		server.stubFor(put(urlEqualTo(consumer)).willReturn(okJson(ok(consumerJson()))));
		server.stubFor(delete(urlEqualTo(consumer)).willReturn(okJson(ok("null"))));
		QueueAdmin admin = admin();
		HttpPullConsumerSettings settings = HttpPullConsumerSettings.builder()
			.batchSize(10)
			.maxRetries(3)
			.retryDelay(Duration.ofSeconds(30))
			.visibilityTimeout(Duration.ofMinutes(1))
			.deadLetterQueue("orders-dlq")
			.build();

		List<ConsumerInfo> listed = admin.listConsumers(QUEUE).block(TIMEOUT);
		ConsumerInfo created = admin.createHttpPullConsumer(QUEUE, settings).block(TIMEOUT);
		ConsumerInfo read = admin.getConsumer(QUEUE, CONSUMER).block(TIMEOUT);
		admin.updateHttpPullConsumer(QUEUE, CONSUMER, HttpPullConsumerSettings.DEFAULTS).block(TIMEOUT);
		admin.deleteConsumer(QUEUE, CONSUMER).block(TIMEOUT);

		assertThat(listed).singleElement().satisfies((info) -> {
			assertThat(info.isHttpPull()).isFalse();
			assertThat(info.scriptName()).isEqualTo("order-worker");
			assertThat(info.visibilityTimeout()).isNull();
		});
		assertThat(created).isEqualTo(read);
		assertThat(created.deadLetterQueue()).isEqualTo("orders-dlq");
		server.verify(withCredentials(postRequestedFor(urlEqualTo(consumers))).withRequestBody(equalToJson("""
				{"type":"http_pull","settings":{"batch_size":10,"max_retries":3,"retry_delay":30,
				 "visibility_timeout_ms":60000},"dead_letter_queue":"orders-dlq"}""", false, false)));
		server.verify(withCredentials(putRequestedFor(urlEqualTo(consumer)))
			.withRequestBody(equalToJson("{\"type\":\"http_pull\",\"settings\":{}}", false, false)));
		server.verify(withCredentials(getRequestedFor(urlEqualTo(consumer))));
		server.verify(withCredentials(deleteRequestedFor(urlEqualTo(consumer))));
	}

	@Test
	void listQueuesReadsEveryPageInOrder() {
		List<String> all = IntStream.range(0, 230).mapToObj((i) -> queueJson(id(i), "q" + i)).toList();
		for (int p = 1; p <= 3; p++) {
			server.stubFor(get(urlPathEqualTo(QUEUES_PATH)).withQueryParam("page", equalTo(String.valueOf(p)))
				.withQueryParam("per_page", equalTo("100"))
				.willReturn(okJson(page(all.subList((p - 1) * 100, Math.min(p * 100, 230)), p, 100, 230))));
		}

		List<QueueInfo> queues = admin().listQueues().collectList().block(TIMEOUT);

		assertThat(queues).extracting(QueueInfo::queueName)
			.containsExactlyElementsOf(IntStream.range(0, 230).mapToObj((i) -> "q" + i).toList());
		server.verify(3, withCredentials(getRequestedFor(urlPathEqualTo(QUEUES_PATH))));
	}

	@Test
	void listingStopsAtAnEmptyPageEvenWhenAnAnswerClaimsMore() {
		server.stubFor(get(urlPathEqualTo(QUEUES_PATH)).withQueryParam("page", equalTo("1"))
			.willReturn(okJson(page(List.of(queueJson(QUEUE, "orders")), 1, 100, 500))));
		server.stubFor(get(urlPathEqualTo(QUEUES_PATH)).withQueryParam("page", equalTo("2"))
			.willReturn(okJson(page(List.of(), 2, 100, 500))));

		assertThat(admin().listQueues().collectList().block(TIMEOUT)).hasSize(1);
		server.verify(2, getRequestedFor(urlPathEqualTo(QUEUES_PATH)));
	}

	@Test
	void listingStopsWhenAnAnswerIgnoresThePageAskedFor() {
		server.stubFor(get(urlPathEqualTo(QUEUES_PATH))
			.willReturn(okJson(page(List.of(queueJson(id(1), "orders"), queueJson(id(2), "invoices")), 1, 2, 50))));

		assertThat(admin().listQueues().map(QueueInfo::queueName).collectList().block(TIMEOUT))
			.containsExactly("orders", "invoices");
		server.verify(2, getRequestedFor(urlPathEqualTo(QUEUES_PATH)));
	}

	@Test
	void onePageIsAskedForAsGiven() {
		server.stubFor(get(urlEqualTo(QUEUES_PATH + "?page=2&per_page=5"))
			.willReturn(okJson(page(List.of(queueJson(QUEUE, "orders")), 2, 5, 6))));

		QueuePage page = admin().listQueues(2, 5).block(TIMEOUT);

		assertThat(page.page()).isEqualTo(2);
		assertThat(page.totalCount()).isEqualTo(6);
		assertThat(page.totalPages()).isEqualTo(2);
		assertThat(page.hasNext()).isFalse();
		assertThat(page.queues()).extracting(QueueInfo::queueName).containsExactly("orders");
	}

	@Test
	void anIdFoundByNameIsRememberedForTheLifeOfTheClient() {
		server.stubFor(get(urlPathEqualTo(QUEUES_PATH))
			.willReturn(okJson(page(List.of(queueJson(id(1), "orders"), queueJson(id(2), "invoices")), 1, 100, 2))));
		QueueAdmin admin = admin();

		assertThat(admin.queueId("orders").block(TIMEOUT)).isEqualTo(id(1));
		assertThat(admin.queueId("invoices").block(TIMEOUT)).isEqualTo(id(2));
		assertThat(admin.queueId("orders").block(TIMEOUT)).isEqualTo(id(1));
		assertThat(this.client.admin(ACCOUNT).queueId("orders").block(TIMEOUT)).isEqualTo(id(1));

		server.verify(1, getRequestedFor(urlPathEqualTo(QUEUES_PATH)));
	}

	@Test
	void anUnknownNameFailsNamingTheFirstTwentyQueuesOfTheAccount() {
		List<String> all = IntStream.range(0, 25).mapToObj((i) -> queueJson(id(i), "q" + i)).toList();
		server.stubFor(get(urlPathEqualTo(QUEUES_PATH)).willReturn(okJson(page(all, 1, 100, 25))));

		StepVerifier.create(admin().queueId("ordres")).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(QueueNotFoundException.class);
			String shown = IntStream.range(0, 20).mapToObj((i) -> "'q" + i + "'").collect(Collectors.joining(", "));
			assertThat(ex).hasMessageContaining("No queue named 'ordres' in account " + ACCOUNT)
				.hasMessageContaining("its queues are " + shown + " and 5 more")
				.hasMessageNotContaining("'q20'");
			assertThat(((QueueNotFoundException) ex).getQueueName()).isEqualTo("ordres");
			assertThat(((QueueNotFoundException) ex).isRetryable()).isFalse();
		});
	}

	@Test
	void anAccountWithoutQueuesSaysSo() {
		server.stubFor(get(urlPathEqualTo(QUEUES_PATH)).willReturn(okJson(page(List.of(), 1, 100, 0))));

		StepVerifier.create(admin().getQueueByName("orders"))
			.verifyErrorMessage("No queue named 'orders' in account " + ACCOUNT
					+ " (it has no queues): queue lookup of queue 'orders'");
	}

	@Test
	void badArgumentsAreRefusedBeforeAnyRequest() {
		QueueAdmin admin = admin();

		assertThatIllegalArgumentException().isThrownBy(() -> admin.createQueue("orders queue"))
			.withMessageContaining("letters, digits, '-' and '_', found ' ' at 6");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.createQueue("q".repeat(64)))
			.withMessageContaining("1 to 63 characters, got 64");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.getQueue("../other"))
			.withMessageContaining("queue id must hold only letters and digits");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.deleteConsumer(QUEUE, ""))
			.withMessageContaining("consumer id must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.listQueues(0, 10))
			.withMessageContaining("page must be 1 or more");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.listQueues(1, 1001))
			.withMessageContaining("from 1 to 1000, got 1001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> QueueSettingsUpdate.builder().messageRetentionPeriod(Duration.ofSeconds(59)))
			.withMessageContaining("from 60 seconds to 1209600 seconds");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> QueueSettingsUpdate.builder().deliveryDelay(Duration.ofMillis(1500)))
			.withMessageContaining("whole seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> QueueSettingsUpdate.builder().build())
			.withMessageContaining("at least one setting");
		assertThatIllegalArgumentException().isThrownBy(() -> HttpPullConsumerSettings.builder().maxRetries(101))
			.withMessageContaining("from 0 to 100");
		assertThatIllegalArgumentException().isThrownBy(() -> HttpPullConsumerSettings.builder().batchSize(0))
			.withMessageContaining("from 1 to 100");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HttpPullConsumerSettings.builder().visibilityTimeout(Duration.ofHours(13)))
			.withMessageContaining("at most 12 hours");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HttpPullConsumerSettings.builder().deadLetterQueue("dlq/1"))
			.withMessageContaining("dead-letter queue's name");
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void failuresFollowTheErrorModelAndNameTheCall() {
		server.stubFor(get(urlEqualTo(QUEUE_PATH)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("cf-ray", "ray-404")
			.withBody("{\"success\":false,\"errors\":[{\"code\":10104,\"message\":\"queue not found\"}]}")));
		server.stubFor(post(urlEqualTo(QUEUES_PATH)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}")));
		QueueAdmin admin = admin();

		StepVerifier.create(admin.getQueue(QUEUE)).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(QueueNotFoundException.class)
				.hasMessage("The queue does not exist: queue read on queue " + QUEUE
						+ ": HTTP 404, errors [10104 queue not found], cf-ray ray-404");
			assertThat(((QueueNotFoundException) ex).getCfRay()).isEqualTo("ray-404");
		});
		StepVerifier.create(admin.createQueue("orders")).verifyErrorSatisfies((ex) -> assertThat(ex)
			.isInstanceOf(QueueAuthenticationException.class)
			.hasMessageStartingWith("Cloudflare refused the credentials: queue creation of queue 'orders': HTTP 403")
			.hasMessageNotContaining(TestPublishers.TOKEN));
	}

	@Test
	void aSuccessfulAnswerWithoutTheQueueSaysTheCallMayHaveTakenEffect() {
		server.stubFor(post(urlEqualTo(QUEUES_PATH)).willReturn(okJson(ok("{\"queue_name\":\"orders\"}"))));

		StepVerifier.create(admin().createQueue("orders")).verifyErrorSatisfies((ex) -> assertThat(ex)
			.isInstanceOf(QueueServerException.class)
			.hasMessageContaining("HTTP 200 but the queue in the answer has no queue_id")
			.hasMessageContaining("may have taken effect"));
	}

	@Test
	void transientFailuresAreRetriedAsPushesAre() {
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/consumers")).inScenario("flaky")
			.whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/consumers")).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(ok("[]"))));
		QueueAdmin admin = admin(new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0.0,
				Duration.ofSeconds(1)), RateLimitSettings.CLOUDFLARE);

		StepVerifier.create(admin.listConsumers(QUEUE)).expectNext(List.of()).verifyComplete();
		server.verify(2, getRequestedFor(urlEqualTo(QUEUE_PATH + "/consumers")));
	}

	@Test
	void aConflictSayingItAlreadyExistsFailsAtOnceWithoutRetries() {
		server.stubFor(post(urlEqualTo(QUEUES_PATH)).willReturn(conflict(11009, "Queue name is already taken")));
		server.stubFor(post(urlEqualTo(QUEUE_PATH + "/consumers"))
			.willReturn(conflict(11011, "queue " + QUEUE + " already has consumer " + CONSUMER)));
		QueueAdmin admin = admin(quickRetries(), RateLimitSettings.CLOUDFLARE);

		StepVerifier.create(admin.createQueue("orders")).verifyErrorSatisfies((ex) -> assertThat(ex)
			.isInstanceOf(QueueRequestException.class)
			.hasMessage("It already exists: queue creation of queue 'orders': HTTP 409, errors [11009 Queue name is "
					+ "already taken]")
			.satisfies((failure) -> assertThat(((QueueRequestException) failure).isRetryable()).isFalse()));
		StepVerifier.create(admin.createHttpPullConsumer(QUEUE, HttpPullConsumerSettings.DEFAULTS))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueRequestException.class)
				.hasMessageStartingWith("It already exists: consumer creation on queue " + QUEUE + ": HTTP 409"));
		server.verify(1, postRequestedFor(urlEqualTo(QUEUES_PATH)));
		server.verify(1, postRequestedFor(urlEqualTo(QUEUE_PATH + "/consumers")));
	}

	@Test
	void anyOtherConflictIsTransientAndRetried() {
		server.stubFor(post(urlEqualTo(QUEUES_PATH)).inScenario("busy")
			.whenScenarioStateIs("Started")
			.willReturn(conflict(10001, "The request conflicted with another; try again"))
			.willSetStateTo("free"));
		server.stubFor(post(urlEqualTo(QUEUES_PATH)).inScenario("busy")
			.whenScenarioStateIs("free")
			.willReturn(okJson(ok(queueJson(QUEUE, "orders")))));

		StepVerifier.create(admin(quickRetries(), RateLimitSettings.CLOUDFLARE).createQueue("orders"))
			.assertNext((queue) -> assertThat(queue.queueId()).isEqualTo(QUEUE))
			.verifyComplete();
		server.verify(2, postRequestedFor(urlEqualTo(QUEUES_PATH)));
	}

	@Test
	void aPullFromAPausedQueueSaysDeliveryIsPaused() {
		server.stubFor(post(urlEqualTo(QUEUE_PATH + "/messages/pull"))
			.willReturn(conflict(11014, "queue_delivery_paused: message delivery is paused on queue " + QUEUE)));
		admin();

		StepVerifier.create(this.client.consumer("orders", QUEUE, QueueConsumerOptions.DEFAULTS).pull())
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueServerException.class)
				.hasMessageStartingWith("Delivery is paused on the queue: pulls are refused until it is resumed"));
	}

	@Test
	void anHttpPullConsumerCreatedElsewhereMeanwhileIsTakenAsTheQueuesOwn() {
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/consumers")).inScenario("race")
			.whenScenarioStateIs("Started")
			.willReturn(okJson(ok("[]")))
			.willSetStateTo("created elsewhere"));
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/consumers")).inScenario("race")
			.whenScenarioStateIs("created elsewhere")
			.willReturn(okJson(ok("[" + consumerJson() + "]"))));
		server.stubFor(post(urlEqualTo(QUEUE_PATH + "/consumers"))
			.willReturn(conflict(11011, "queue " + QUEUE + " already has consumer " + CONSUMER)));
		server.stubFor(post(urlEqualTo(QUEUE_PATH + "/messages/pull"))
			.willReturn(okJson(ok("{\"messages\":[]}"))));
		admin(quickRetries(), RateLimitSettings.CLOUDFLARE);
		QueueConsumer consumer = this.client.consumer("orders", QUEUE,
				QueueConsumerOptions.builder().createIfMissing(HttpPullConsumerSettings.DEFAULTS).build());

		StepVerifier.create(consumer.pull()).expectNext(List.of()).verifyComplete();
		StepVerifier.create(consumer.pull()).expectNext(List.of()).verifyComplete();
		server.verify(2, getRequestedFor(urlEqualTo(QUEUE_PATH + "/consumers")));
		server.verify(1, postRequestedFor(urlEqualTo(QUEUE_PATH + "/consumers")));
		server.verify(2, postRequestedFor(urlEqualTo(QUEUE_PATH + "/messages/pull")));
	}

	private static RetrySettings quickRetries() {
		return new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0.0, Duration.ofSeconds(1));
	}

	private static ResponseDefinitionBuilder conflict(int code, String message) {
		return aResponse().withStatus(409)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\"" + message
					+ "\"}],\"messages\":[],\"result\":null}");
	}

	@Test
	void everyCallTakesAnAccountRateLimitPermit() {
		server.stubFor(get(urlEqualTo(QUEUE_PATH)).willReturn(okJson(ok(queueJson(QUEUE, "orders")))));
		QueueAdmin admin = admin(RetrySettings.none(),
				new RateLimitSettings(2, Duration.ofMinutes(5), 1, 1.0, Duration.ZERO, Duration.ofMinutes(5)));

		StepVerifier.create(admin.getQueue(QUEUE)).expectNextCount(1).verifyComplete();
		StepVerifier.create(admin.getQueue(QUEUE)).verifyError(QueueRateLimitedException.class);
		StepVerifier.create(this.client.publisher(QUEUE).pushText("x")).verifyError(QueueRateLimitedException.class);

		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aQueueWithAWorkerConsumerIsNotGivenAnHttpPullConsumer() {
		String worker = "{\"consumer_id\":\"%s\",\"type\":\"worker\",\"script_name\":\"order-worker\"}"
			.formatted(id(7));
		server.stubFor(get(urlEqualTo(QUEUE_PATH + "/consumers")).willReturn(okJson(ok("[" + worker + "]"))));
		admin();
		QueueConsumer consumer = this.client.consumer("orders", QUEUE,
				QueueConsumerOptions.builder().createIfMissing(HttpPullConsumerSettings.DEFAULTS).build());

		StepVerifier.create(consumer.pull())
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueueRequestException.class)
				.hasMessageStartingWith("The queue has a Worker consumer 'order-worker', and a queue has either")
				.hasMessageContaining("HTTP pull set-up on queue 'orders' (id " + QUEUE + ")"));
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void anAdminIsSharedPerAccountAndCredentials() {
		QueueAdmin admin = admin();

		assertThat(this.client.admin(ACCOUNT)).isSameAs(admin);
		assertThat(this.client.admin(ACCOUNT, CloudflareCredentials.apiToken(TestPublishers.TOKEN))).isSameAs(admin);
		assertThat(this.client.admin(ACCOUNT, CloudflareCredentials.apiToken("another-token"))).isNotSameAs(admin);
		assertThat(admin.accountId()).isEqualTo(ACCOUNT);
		assertThat(admin).hasToString("QueueAdmin[accountId=" + ACCOUNT + "]");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.admin("ffffffffffffffffffffffffffffffff"))
			.withMessageContaining("No credentials for account ffffffffffffffffffffffffffffffff");
	}

}
