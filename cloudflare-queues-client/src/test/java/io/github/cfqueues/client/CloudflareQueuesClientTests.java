package io.github.cfqueues.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.cfqueues.client.error.ConsumerClosedException;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.internal.publish.BatchingQueuePublisher;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The client as a plain Java user builds it, with no Spring Boot anywhere: from the builder to a push, and closed.
 */
class CloudflareQueuesClientTests {

	private static final String ACCOUNT = TestPublishers.ACCOUNT;

	private static final String OTHER_ACCOUNT = "99999999999999999999999999999999";

	private static final String QUEUE = TestPublishers.QUEUE;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private CloudflareQueuesEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(ACCOUNT, QUEUE)
			.queue(OTHER_ACCOUNT, QUEUE)
			.start();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	private CloudflareQueuesClient.Builder client() {
		return CloudflareQueuesClient.builder()
			.baseUrl(this.emulator.baseUrl())
			.accountId(ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN));
	}

	private List<String> stored(String account) {
		return this.emulator.queue(account, QUEUE).orElseThrow().messages().stream().map(StoredMessage::body).toList();
	}

	@Test
	void springBootIsNotOnTheClassPath() {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("org.springframework.boot.SpringApplication"));
	}

	@Test
	void aPlainJavaUserBuildsAClientPushesAndClosesIt() {
		CloudflareQueuesClient client = client().build();
		QueuePublisher publisher = client.publisher(QUEUE);

		StepVerifier.create(publisher.pushText("hello")).expectNextCount(1).verifyComplete();
		client.close();

		assertThat(stored(ACCOUNT)).containsExactly("hello");
		assertThat(client.isClosed()).isTrue();
		StepVerifier.create(publisher.pushText("too late")).expectError(PublisherClosedException.class).verify(TIMEOUT);
		assertThatIllegalStateException().isThrownBy(() -> client.publisher("other", QUEUE,
				QueuePublisherOptions.DEFAULTS)).withMessage("The Cloudflare Queues client is closed");
	}

	@Test
	void closeSendsWhatTheBatchingPublishersHold() {
		CloudflareQueuesClient client = client()
			.batching(new BatchingSettings(100, 256_000, Duration.ofMinutes(5), 1))
			.build();
		QueuePublisher publisher = client.publisher(QUEUE);
		publisher.pushText("one").subscribe();
		publisher.pushText("two").subscribe();

		client.close();

		assertThat(stored(ACCOUNT)).containsExactly("one", "two");
	}

	@Test
	void aConsumerPullsAndCloseSendsTheSettlementsItGathered() {
		CloudflareQueuesClient client = client().build();
		client.publisher(QUEUE).pushBatch(List.of(QueueMessage.text("a"), QueueMessage.text("b"))).block(TIMEOUT);
		QueueConsumer consumer = client.consumer("orders", QUEUE,
				QueueConsumerOptions.builder().ackMaxWait(Duration.ofMinutes(5)).build());

		List<ReceivedMessage> messages = consumer.pull().block(TIMEOUT);
		List<reactor.core.Disposable> acks = messages.stream().map((message) -> message.ack().subscribe()).toList();
		assertThat(stored(ACCOUNT)).hasSize(2);
		client.close();

		assertThat(messages).extracting(ReceivedMessage::bodyAsText).containsExactly("a", "b");
		assertThat(acks).hasSize(2);
		assertThat(stored(ACCOUNT)).isEmpty();
		StepVerifier.create(consumer.pull()).expectError(ConsumerClosedException.class).verify(TIMEOUT);
	}

	@Test
	void theSameNameQueueAndOptionsGiveTheSamePublisherAndANameStandsForOneQueue() {
		try (CloudflareQueuesClient client = client().build()) {
			QueuePublisher orders = client.publisher("orders", QUEUE, QueuePublisherOptions.DEFAULTS);

			assertThat(client.publisher("orders", QUEUE, QueuePublisherOptions.DEFAULTS)).isSameAs(orders);
			assertThat(orders.queueName()).isEqualTo("orders");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.publisher("orders", QUEUE,
						QueuePublisherOptions.builder().contentType(MessageContentType.TEXT).build()))
				.withMessageContaining("A publisher named 'orders' already exists");
		}
	}

	@Test
	void theSameNameQueueAndOptionsGiveTheSameConsumerAndANameStandsForOneQueue() {
		try (CloudflareQueuesClient client = client().build()) {
			QueueConsumer orders = client.consumer("orders", QUEUE, QueueConsumerOptions.DEFAULTS);

			assertThat(client.consumer("orders", QUEUE, QueueConsumerOptions.DEFAULTS)).isSameAs(orders);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.consumer("orders", QUEUE,
						QueueConsumerOptions.builder().batchSize(5).build()))
				.withMessage("A consumer named 'orders' already exists for queue " + QUEUE + " with "
						+ QueueConsumerOptions.DEFAULTS + "; a name stands for one queue");
		}
	}

	@Test
	void aQueueOfAnotherAccountUsesThatAccountsCredentials() {
		try (CloudflareQueuesClient client = client()
			.account(OTHER_ACCOUNT, CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.build()) {
			QueuePublisher other = client.publisher("other", QUEUE,
					QueuePublisherOptions.builder().accountId(OTHER_ACCOUNT).build());

			other.pushText("elsewhere").block(TIMEOUT);

			assertThat(stored(OTHER_ACCOUNT)).containsExactly("elsewhere");
			assertThat(stored(ACCOUNT)).isEmpty();
		}
	}

	@Test
	void aQueueWithItsOwnCredentialsSendsThem() {
		try (CloudflareQueuesClient client = CloudflareQueuesClient.builder()
			.baseUrl(this.emulator.baseUrl())
			.accountId(ACCOUNT)
			.credentials(CloudflareCredentials.apiToken("not-the-emulators"))
			.build()) {
			QueuePublisher scoped = client.publisher("scoped", QUEUE, QueuePublisherOptions.builder()
				.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN))
				.build());

			scoped.pushText("scoped token").block(TIMEOUT);

			assertThat(stored(ACCOUNT)).containsExactly("scoped token");
		}
	}

	@Test
	void aQueueWithoutAnAccountOrCredentialsIsRefusedNamingWhatIsMissing() {
		try (CloudflareQueuesClient noAccount = CloudflareQueuesClient.builder().build();
				CloudflareQueuesClient noCredentials = CloudflareQueuesClient.builder().accountId(ACCOUNT).build()) {
			assertThatIllegalArgumentException().isThrownBy(() -> noAccount.publisher(QUEUE))
				.withMessageContaining("No account for queue '" + QUEUE + "'");
			assertThatIllegalArgumentException().isThrownBy(() -> noCredentials.publisher(QUEUE))
				.withMessageContaining("No credentials for account " + ACCOUNT);
		}
	}

	@Test
	void batchingIsTheClientsDefaultUnlessAPublishersOptionsSayOtherwise() {
		try (CloudflareQueuesClient client = client().batching(BatchingSettings.DEFAULTS).build()) {
			assertThat(client.publisher("gathering", QUEUE, QueuePublisherOptions.DEFAULTS))
				.isInstanceOf(BatchingQueuePublisher.class);
			assertThat(client.publisher("alone", QUEUE, QueuePublisherOptions.builder().noBatching().build()))
				.isInstanceOf(DefaultQueuePublisher.class);
		}
		try (CloudflareQueuesClient client = client().build()) {
			assertThat(client.publisher("alone", QUEUE, QueuePublisherOptions.DEFAULTS))
				.isInstanceOf(DefaultQueuePublisher.class);
			assertThat(client.publisher("gathering", QUEUE,
					QueuePublisherOptions.builder().batching(BatchingSettings.DEFAULTS).build()))
				.isInstanceOf(BatchingQueuePublisher.class);
		}
	}

	@Test
	void invalidSettingsAreRefusedByTheBuilder() {
		assertThatIllegalArgumentException().isThrownBy(() -> CloudflareQueuesClient.builder().accountId("a-b"))
			.withMessageContaining("letters and digits");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CloudflareQueuesClient.builder().requestTimeout(Duration.ZERO))
			.withMessageContaining("requestTimeout must be positive");
		assertThat(CloudflareQueuesClient.builder().baseUrl(URI.create("https://example.com/v4")).build().toString())
			.contains("accounts=[]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://api.cloudflare.com/client/v4", "HTTPS://api.example.com:8443",
			"http://localhost:8787/client/v4", "http://127.0.0.1:8787", "http://127.1.2.3", "http://[::1]:8787/v4" })
	void aBaseUrlOverHttpsOrToALoopbackHostIsAccepted(String baseUrl) {
		try (CloudflareQueuesClient client = CloudflareQueuesClient.builder().baseUrl(URI.create(baseUrl)).build()) {
			assertThat(client.isClosed()).isFalse();
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			http://api.example.com/client/v4          | The base URL 'http://api.example.com' must use https; plain http is allowed only to a loopback host
			http://10.0.0.7:8787                      | 'http://10.0.0.7:8787' must use https
			http://localhost.example.com              | 'http://localhost.example.com' must use https
			ftp://api.example.com                     | 'ftp://api.example.com' must use https
			/client/v4                                | must be an absolute URL with a host
			https:opaque                              | must be an absolute URL with a host
			https://user:s3cr3t-key@api.example.com   | must not carry user info
			https://api.example.com/v4?key=s3cr3t-key | The base URL 'https://api.example.com...' must not have a query or fragment
			https://api.example.com/v4#s3cr3t-key     | must not have a query or fragment
			""")
	void buildRefusesABaseUrlThatBreaksTheRuleAndSaysWhich(String baseUrl, String rule) {
		CloudflareQueuesClient.Builder builder = CloudflareQueuesClient.builder().baseUrl(URI.create(baseUrl));
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessageContaining(rule)
			.withMessageNotContaining("s3cr3t-key")
			.withMessageNotContaining("/v4");
	}

}
