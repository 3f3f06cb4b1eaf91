package io.github.cfqueues.autoconfigure.local;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.autoconfigure.CloudflareQueuesConnectionDetails;
import io.github.cfqueues.autoconfigure.CloudflareQueuesWebClientCustomizer;
import io.github.cfqueues.autoconfigure.InvalidCloudflareQueuesPropertyException;
import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Local mode: an embedded emulator replaces Cloudflare, holds the configured queues and receives every push.
 */
@ExtendWith(OutputCaptureExtension.class)
class CloudflareQueuesLocalAutoConfigurationTests {

	private static final String CONFIGURED_ACCOUNT = "0123456789abcdef0123456789abcdef";

	private static final String CONFIGURED_TOKEN = "configured-secret-token-4711";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, CloudflareQueuesAutoConfiguration.class,
				CloudflareQueuesLocalAutoConfiguration.class));

	private final ApplicationContextRunner localRunner = this.contextRunner
		.withPropertyValues("cloudflare.queues.local.enabled=true");

	@Test
	void isOffByDefault() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.account-id=" + CONFIGURED_ACCOUNT,
					"cloudflare.queues.api-token=" + CONFIGURED_TOKEN, "cloudflare.queues.queue-id=q1")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CloudflareQueuesEmulator.class)
				.doesNotHaveBean(LocalCloudflareQueuesConnectionDetails.class)
				.hasSingleBean(CloudflareQueuesConnectionDetails.class));
	}

	@Test
	void startsAnEmulatorThatHoldsEveryConfiguredQueueAndReplacesTheConnection() {
		this.localRunner
			.withPropertyValues("cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.orders.queue-id=",
					"cloudflare.queues.queues.emails.content-type=text",
					"cloudflare.queues.queues.billing.queue-id=b7",
					"cloudflare.queues.queues.billing.account-id=" + CONFIGURED_ACCOUNT)
			.run((context) -> {
				assertThat(context).hasSingleBean(CloudflareQueuesEmulator.class)
					.hasSingleBean(CloudflareQueuesConnectionDetails.class)
					.getBean(CloudflareQueuesConnectionDetails.class)
					.isInstanceOf(LocalCloudflareQueuesConnectionDetails.class);
				CloudflareQueuesEmulator emulator = context.getBean(CloudflareQueuesEmulator.class);
				assertThat(emulator.isRunning()).isTrue();
				String local = LocalCloudflareQueuesConnectionDetails.ACCOUNT_ID;
				assertThat(emulator.queues()).extracting(EmulatedQueue::accountId, EmulatedQueue::queueId)
					.containsExactlyInAnyOrder(tuple(local, "q1"),
							tuple(local, QueueEndpoints.derivedQueueId("orders")),
							tuple(local, QueueEndpoints.derivedQueueId("emails")),
							tuple(CONFIGURED_ACCOUNT, "b7"));
				assertThat(context.getBean(CloudflareQueuesConnectionDetails.class).getBaseUrl())
					.isEqualTo(emulator.baseUrl());
			});
	}

	@Test
	void derivedQueueIdsAreStableAndLookLikeCloudflareIds() {
		assertThat(QueueEndpoints.derivedQueueId("orders")).matches("[0-9a-f]{32}")
			.isEqualTo(QueueEndpoints.derivedQueueId("orders"))
			.isNotEqualTo(QueueEndpoints.derivedQueueId("emails"));
	}

	@Test
	void pushesThroughTheInjectedPublishersLandInTheEmulator() {
		this.localRunner
			.withPropertyValues("cloudflare.queues.queues.default.queue-id=",
					"cloudflare.queues.queues.emails.content-type=text", "cloudflare.queues.queues.emails.delay=45s")
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushJson(new Order(7, "blue")).block(Duration.ofSeconds(5));
				context.getBean("emailsQueuePublisher", QueuePublisher.class)
					.push(QueueMessage.of("welcome"))
					.block(Duration.ofSeconds(5));
				CloudflareQueuesEmulator emulator = context.getBean(CloudflareQueuesEmulator.class);
				StoredMessage order = single(emulator, "default");
				assertThat(order.contentType()).isEqualTo(StoredMessage.JSON);
				assertThat(order.body()).isEqualTo("{\"id\":7,\"colour\":\"blue\"}");
				assertThat(order.visibleAt()).isEqualTo(order.enqueuedAt());
				StoredMessage email = single(emulator, "emails");
				assertThat(email.contentType()).isEqualTo(StoredMessage.TEXT);
				assertThat(email.body()).isEqualTo("welcome");
				assertThat(email.visibleAt()).isEqualTo(email.enqueuedAt().plusSeconds(45));
			});
	}

	@Test
	void logsUnmistakablyThatMessagesStayLocalAndWhereToSeeThem(CapturedOutput output) {
		this.localRunner.withPropertyValues("cloudflare.queues.queues.default.queue-id=").run((context) -> {
			CloudflareQueuesEmulator emulator = context.getBean(CloudflareQueuesEmulator.class);
			assertThat(output).contains("Cloudflare Queues LOCAL MODE: messages are NOT going to Cloudflare; "
					+ "embedded emulator at " + emulator.baseUrl() + " with queues [default -> localaccount/"
					+ QueueEndpoints.derivedQueueId("default") + "]. See what reached it at "
					+ emulator.inspectionUrl() + " (no credentials needed) or through the CloudflareQueuesEmulator "
					+ "bean; its API accepts only 'Authorization: Bearer cloudflare-queues-local-mode'");
		});
	}

	@Test
	void saysWhatTheEmulatorReceivedWhenTheContextCloses(CapturedOutput output) {
		this.localRunner
			.withPropertyValues("cloudflare.queues.queues.default.queue-id=", "cloudflare.queues.queues.orders.queue-id=")
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("one").block(Duration.ofSeconds(5));
				context.getBean("ordersQueuePublisher", QueuePublisher.class)
					.pushBatch(List.of(QueueMessage.text("two"), QueueMessage.text("three")))
					.block(Duration.ofSeconds(5));
				assertThat(output).doesNotContain("the emulator stops");
			});
		assertThat(output).contains("Cloudflare Queues LOCAL MODE: the emulator stops, and the messages it holds are "
				+ "dropped; messages received by queue: {default=1, orders=2}");
	}

	@Test
	void theEmulatorKnowsEachQueueByTheApplicationsNameForIt() {
		this.localRunner.withPropertyValues("cloudflare.queues.queue-id=q1", "cloudflare.queues.queues.orders.queue-id=")
			.run((context) -> assertThat(context.getBean(CloudflareQueuesEmulator.class).queues())
				.extracting(EmulatedQueue::name, EmulatedQueue::queueId)
				.containsExactlyInAnyOrder(tuple("default", "q1"),
						tuple("orders", QueueEndpoints.derivedQueueId("orders"))));
	}

	@Test
	void theQuickStartPropertiesStartWithNoVariableSetAndTheDefaultQueueExists() {
		this.localRunner
			.withPropertyValues("cloudflare.queues.account-id=${CFQ_TEST_UNSET_ACCOUNT_ID}",
					"cloudflare.queues.api-token=${CFQ_TEST_UNSET_API_TOKEN}",
					"cloudflare.queues.queue-id=${CFQ_TEST_UNSET_QUEUE_ID}")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(QueuePublisher.class).pushText("hello").block(Duration.ofSeconds(5));
				assertThat(single(context.getBean(CloudflareQueuesEmulator.class), "default").body())
					.isEqualTo("hello");
			});
	}

	@Test
	void blankAccountCredentialsAndQueueIdAreFine() {
		this.localRunner
			.withPropertyValues("cloudflare.queues.account-id=", "cloudflare.queues.api-token=",
					"cloudflare.queues.queue-id=")
			.run((context) -> assertThat(context.getBean(CloudflareQueuesEmulator.class).queues())
				.extracting(EmulatedQueue::accountId, EmulatedQueue::queueId)
				.containsExactly(tuple(LocalCloudflareQueuesConnectionDetails.ACCOUNT_ID,
						QueueEndpoints.derivedQueueId("default"))));
	}

	@Test
	void otherUnresolvedValuesStillFail() {
		this.localRunner
			.withPropertyValues("cloudflare.queues.queues.orders.delay=${CFQ_TEST_UNSET_DELAY}")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.queues.orders.delay: "
						+ "unresolved placeholder: 'CFQ_TEST_UNSET_DELAY' is not set. Set the environment variable "
						+ "CFQ_TEST_UNSET_DELAY (or a property of that name), or give the placeholder a default, as "
						+ "${CFQ_TEST_UNSET_DELAY:...}"));
	}

	@Test
	void configuredCredentialsStopTheStartupUnlessAllowed() {
		this.localRunner
			.withPropertyValues("cloudflare.queues.api-token=" + CONFIGURED_TOKEN, "cloudflare.queues.queue-id=q1",
					"cloudflare.queues.queues.legacy.email=a@b.example",
					"cloudflare.queues.queues.legacy.api-key=configured-legacy-key")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.local.enabled: local mode "
							+ "is on while credentials are configured (cloudflare.queues.api-token, "
							+ "cloudflare.queues.queues.legacy.api-key): every message would go to an in-memory "
							+ "emulator and none to Cloudflare. If this runs in production, turn local mode off; to "
							+ "keep local mode with the credentials configured, set "
							+ "cloudflare.queues.local.allow-credentials=true");
				for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
					assertThat(failure.getMessage()).doesNotContain(CONFIGURED_TOKEN, "configured-legacy-key");
				}
			});
	}

	@Test
	void credentialsOfVariablesThatAreNotSetDoNotStopTheStartup() {
		this.localRunner.withPropertyValues("cloudflare.queues.api-token=${CFQ_TEST_UNSET_API_TOKEN}",
				"cloudflare.queues.api-key=", "cloudflare.queues.queue-id=q1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void configuredCredentialsAreNeverSent() {
		List<String> sentHeaders = new CopyOnWriteArrayList<>();
		ClientHttpConnector recorder = new HeaderRecordingConnector(new ReactorClientHttpConnector(), sentHeaders);
		this.localRunner
			.withPropertyValues("cloudflare.queues.local.allow-credentials=true",
					"cloudflare.queues.account-id=" + CONFIGURED_ACCOUNT,
					"cloudflare.queues.api-token=" + CONFIGURED_TOKEN, "cloudflare.queues.queue-id=q1",
					"cloudflare.queues.queues.legacy.queue-id=q2", "cloudflare.queues.queues.legacy.email=a@b.example",
					"cloudflare.queues.queues.legacy.api-key=configured-legacy-key")
			.withBean(CloudflareQueuesWebClientCustomizer.class, () -> (builder) -> builder.clientConnector(recorder))
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("one").block(Duration.ofSeconds(5));
				context.getBean("legacyQueuePublisher", QueuePublisher.class)
					.pushText("two")
					.block(Duration.ofSeconds(5));
				assertThat(sentHeaders).filteredOn((header) -> header.startsWith(HttpHeaders.AUTHORIZATION))
					.containsExactly("Authorization: Bearer " + LocalCloudflareQueuesConnectionDetails.API_TOKEN,
							"Authorization: Bearer " + LocalCloudflareQueuesConnectionDetails.API_TOKEN);
				assertThat(String.join("\n", sentHeaders)).doesNotContain(CONFIGURED_TOKEN, "configured-legacy-key",
						"a@b.example");
				assertThat(context.getBean(CloudflareQueuesEmulator.class)
					.queue(CONFIGURED_ACCOUNT, "q2")
					.orElseThrow()
					.messages()).extracting(StoredMessage::body).containsExactly("two");
			});
	}

	@Test
	void stopsTheEmulatorWhenTheContextCloses() {
		AtomicReference<CloudflareQueuesEmulator> emulator = new AtomicReference<>();
		this.localRunner.run((context) -> emulator.set(context.getBean(CloudflareQueuesEmulator.class)));
		assertThat(emulator.get().isRunning()).isFalse();
	}

	@Test
	void listensOnTheConfiguredPort() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.localRunner.withPropertyValues("cloudflare.queues.local.port=" + port)
			.run((context) -> assertThat(context.getBean(CloudflareQueuesEmulator.class).baseUrl())
				.hasToString("http://127.0.0.1:" + port + "/client/v4"));
	}

	@Test
	void usesTheApplicationsEmulator() {
		CloudflareQueuesEmulator own = CloudflareQueuesEmulator.builder().build();
		try {
			this.localRunner.withPropertyValues("cloudflare.queues.queues.default.queue-id=q1")
				.withBean(CloudflareQueuesEmulator.class, () -> own)
				.run((context) -> {
					assertThat(context).getBean(CloudflareQueuesEmulator.class).isSameAs(own);
					assertThat(own.isRunning()).isTrue();
					context.getBean(QueuePublisher.class).pushText("mine").block(Duration.ofSeconds(5));
					assertThat(own.queue(LocalCloudflareQueuesConnectionDetails.ACCOUNT_ID, "q1").orElseThrow().messages())
						.extracting(StoredMessage::body)
						.containsExactly("mine");
				});
		}
		finally {
			own.stop();
		}
	}

	@Test
	void failsWithAClearMessageBeforeAnyPublisherExistsWhenTheEmulatorIsMissing() {
		this.localRunner.withPropertyValues("cloudflare.queues.queue-id=q1")
			.withClassLoader(new FilteredClassLoader(CloudflareQueuesEmulator.class))
			.withUserConfiguration(PublisherUser.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.local.enabled")
				.hasMessageContaining("io.github.cfqueues:cloudflare-queues-emulator"));
	}

	@Test
	void startsNoEmulatorWhenLocalModeIsOffAndTheEmulatorIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(CloudflareQueuesEmulator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CloudflareQueuesEmulator.class));
	}

	private static StoredMessage single(CloudflareQueuesEmulator emulator, String queueName) {
		String queueId = QueueEndpoints.derivedQueueId(queueName);
		List<StoredMessage> messages = emulator.queue(LocalCloudflareQueuesConnectionDetails.ACCOUNT_ID, queueId)
			.orElseThrow()
			.messages();
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	record Order(int id, String colour) {
	}

	@Configuration(proxyBeanMethods = false)
	static class PublisherUser {

		PublisherUser(QueuePublisher publisher) {
		}

	}

}
