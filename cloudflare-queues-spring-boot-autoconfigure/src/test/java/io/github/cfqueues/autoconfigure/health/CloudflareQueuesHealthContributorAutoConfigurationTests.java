package io.github.cfqueues.autoconfigure.health;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.error.QueueAuthenticationException;
import io.github.cfqueues.client.error.QueueNotFoundException;
import io.github.cfqueues.client.error.QueueServerException;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.Fault;
import io.github.cfqueues.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each queue's health on the emulator: from the answers the application's requests got (DOWN after a refusal, until
 * a success), or, when active, from one cached metrics request, UNKNOWN without an answer; never a credential.
 */
class CloudflareQueuesHealthContributorAutoConfigurationTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private static final String QUEUE = "fedcba9876543210fedcba9876543210";

	private static final String TOKEN = "health-token-do-not-show-0815";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private CloudflareQueuesEmulator emulator;

	private final List<ServerSocket> sockets = new ArrayList<>();

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(TOKEN).queue(ACCOUNT, QUEUE).start();
	}

	@AfterEach
	void stop() throws Exception {
		this.emulator.stop();
		for (ServerSocket socket : this.sockets) {
			socket.close();
		}
	}

	private ApplicationContextRunner runner(String baseUrl) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, CloudflareQueuesAutoConfiguration.class,
					CloudflareQueuesHealthContributorAutoConfiguration.class))
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.queue-id=" + QUEUE, "cloudflare.queues.base-url=" + baseUrl,
					"cloudflare.queues.rate-limit.enabled=false", "cloudflare.queues.retry.max-attempts=1");
	}

	private ApplicationContextRunner runner() {
		return runner(this.emulator.baseUrl().toString());
	}

	private static Health health(AssertableApplicationContext context, String queue) {
		CompositeHealthContributor queues = context.getBean("cloudflareQueuesHealthContributor",
				CompositeHealthContributor.class);
		HealthContributor contributor = queues.getContributor(queue);
		assertThat(contributor).isInstanceOf(HealthIndicator.class);
		return ((HealthIndicator) contributor).health(true);
	}

	private void injectOnce(Fault fault) {
		AtomicInteger count = new AtomicInteger();
		this.emulator.setFaultInjector((request) -> (count.getAndIncrement() == 0) ? fault : Fault.none());
	}

	private long metricsRequests() {
		return this.emulator.requests().stream().map(RecordedRequest::path).filter((path) -> path.endsWith("/metrics"))
			.count();
	}

	@Test
	void everyConfiguredQueueHasAContributorThatIsUpBeforeAnyRequest() {
		runner().withPropertyValues("cloudflare.queues.queues.orders.queue-id=" + QUEUE).run((context) -> {
			CompositeHealthContributor queues = context.getBean("cloudflareQueuesHealthContributor",
					CompositeHealthContributor.class);
			assertThat(queues.stream().map(CompositeHealthContributor.Entry::name)).containsExactly("default", "orders");
			assertThat(health(context, "default").getStatus()).isEqualTo(Status.UP);
			assertThat(health(context, "default").getDetails()).isEmpty();
			assertThat(queues.getContributor("invoices")).isNull();
		});
	}

	@Test
	void aRefusedTokenTurnsTheQueueDownUntilARequestSucceeds() {
		runner().run((context) -> {
			QueuePublisher publisher = context.getBean(QueuePublisher.class);
			injectOnce(Fault.error(403, 10000, "Authentication error"));
			assertThatExceptionOfType(QueueAuthenticationException.class)
				.isThrownBy(() -> publisher.pushText("refused").block(TIMEOUT));

			Health down = health(context, "default");
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsKey("lastFailure");
			@SuppressWarnings("unchecked")
			Map<String, Object> failure = (Map<String, Object>) down.getDetails().get("lastFailure");
			assertThat(failure).containsEntry("operation", "push")
				.containsEntry("type", "QueueAuthenticationException")
				.containsEntry("httpStatus", 403)
				.containsEntry("errorCodes", List.of(10000))
				.containsKeys("at", "cfRay");
			assertThat(down.toString()).doesNotContain(TOKEN);

			publisher.pushText("accepted").block(TIMEOUT);

			Health up = health(context, "default");
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsKeys("lastSuccessAt", "lastFailure", "backlog");
			assertThat(up.getDetails().get("backlog")).asString().contains("messages=1", "bytes=108");
		});
	}

	@Test
	void anUnknownQueueIsDown() {
		runner().withPropertyValues("cloudflare.queues.queues.lost.queue-id=0000000000000000000000000000dead")
			.run((context) -> {
				assertThatExceptionOfType(QueueNotFoundException.class).isThrownBy(
						() -> context.getBean("lostQueuePublisher", QueuePublisher.class).pushText("x").block(TIMEOUT));

				assertThat(health(context, "lost").getStatus()).isEqualTo(Status.DOWN);
				assertThat(health(context, "default").getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void aServerErrorLeavesTheQueueUpWithTheFailureInItsDetails() {
		runner().run((context) -> {
			QueuePublisher publisher = context.getBean(QueuePublisher.class);
			injectOnce(Fault.internalServerError());
			assertThatExceptionOfType(QueueServerException.class)
				.isThrownBy(() -> publisher.pushText("x").block(TIMEOUT));

			Health health = health(context, "default");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("lastFailure");
			@SuppressWarnings("unchecked")
			Map<String, Object> failure = (Map<String, Object>) health.getDetails().get("lastFailure");
			assertThat(failure).containsEntry("operation", "push")
				.containsEntry("type", "QueueServerException")
				.containsEntry("httpStatus", 500)
				.containsEntry("errorCodes", List.of(15000))
				.containsKey("at");
		});
	}

	@Test
	void aPausedAccountLeavesTheQueueUp() {
		runner().run((context) -> {
			QueuePublisher publisher = context.getBean(QueuePublisher.class);
			injectOnce(Fault.rateLimited(Duration.ofSeconds(30)));
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> publisher.pushText("x").block(TIMEOUT));

			Health health = health(context, "default");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKeys("accountPausedUntil", "lastFailure");
		});
	}

	@Test
	void byDefaultHealthCallsMakeNoRequest() {
		runner().run((context) -> {
			context.getBean(QueuePublisher.class).pushText("waiting").block(TIMEOUT);
			this.emulator.resetRequests();

			for (int i = 0; i < 5; i++) {
				assertThat(health(context, "default").getStatus()).isEqualTo(Status.UP);
			}

			assertThat(this.emulator.requests()).isEmpty();
			assertThat(health(context, "default").getDetails()).containsKey("backlog").doesNotContainKey("check");
		});
	}

	@Test
	void anActiveCheckMakesOneMetricsRequestForManyHealthCalls() {
		runner().withPropertyValues("cloudflare.queues.health.active=true", "cloudflare.queues.health.cache-time=1h")
			.run((context) -> {
				context.getBean(QueuePublisher.class).pushText("waiting").block(TIMEOUT);
				this.emulator.resetRequests();

				List<Health> healths = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					healths.add(health(context, "default"));
				}

				assertThat(metricsRequests()).isEqualTo(1);
				assertThat(healths).allSatisfy((health) -> {
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsKeys("check", "backlog");
				});
				assertThat(healths.get(0).getDetails().get("check")).asString().contains("outcome=answered");
			});
	}

	@Test
	void anActiveCheckAsksAgainOnceItsCacheTimeHasPassed() {
		runner().withPropertyValues("cloudflare.queues.health.active=true", "cloudflare.queues.health.cache-time=200ms")
			.run((context) -> {
				health(context, "default");
				Thread.sleep(400);
				health(context, "default");

				assertThat(metricsRequests()).isEqualTo(2);
			});
	}

	@Test
	void anActiveCheckThatRefusesTheTokenIsDown() {
		runner().withPropertyValues("cloudflare.queues.health.active=true", "cloudflare.queues.api-token=wrong-token")
			.run((context) -> assertThat(health(context, "default").getStatus()).isEqualTo(Status.DOWN));
	}

	@Test
	void anActiveCheckWithoutAnAnswerInTimeIsUnknown() throws Exception {
		ServerSocket silent = silentServer();
		runner("http://127.0.0.1:" + silent.getLocalPort() + "/client/v4")
			.withPropertyValues("cloudflare.queues.health.active=true", "cloudflare.queues.health.timeout=300ms")
			.run((context) -> {
				Health health = health(context, "default");
				assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(health.getDetails().get("check")).asString().contains("no answer within PT0.3S");
			});
	}

	@Test
	void anActiveCheckOfAnUnreachableServerIsUnknown() throws Exception {
		int closedPort;
		try (ServerSocket closed = new ServerSocket(0)) {
			closedPort = closed.getLocalPort();
		}
		runner("http://127.0.0.1:" + closedPort + "/client/v4")
			.withPropertyValues("cloudflare.queues.health.active=true")
			.run((context) -> {
				Health health = health(context, "default");
				assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(health.getDetails().get("check")).asString().contains("QueueTransportException");
			});
	}

	@Test
	void queuesTheClientServesBeyondTheConfiguredOnesHaveAContributorToo() {
		runner().run((context) -> {
			context.getBean(CloudflareQueuesClient.class).publisher("adhoc", QUEUE, QueuePublisherOptions.builder()
				.accountId(ACCOUNT)
				.credentials(CloudflareCredentials.apiToken(TOKEN))
				.build());
			CompositeHealthContributor queues = context.getBean("cloudflareQueuesHealthContributor",
					CompositeHealthContributor.class);
			assertThat(queues.stream().map(CompositeHealthContributor.Entry::name)).contains("default", "adhoc");
		});
	}

	@Test
	void theContributorCanBeTurnedOffOrReplaced() {
		runner().withPropertyValues("management.health.cloudflare-queues.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("cloudflareQueuesHealthContributor"));
		HealthIndicator own = () -> Health.up().build();
		runner().withBean("cloudflareQueuesHealthContributor", HealthContributor.class, () -> own)
			.run((context) -> assertThat(context.getBean("cloudflareQueuesHealthContributor")).isSameAs(own));
		runner().withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("cloudflareQueuesHealthContributor"));
	}

	private ServerSocket silentServer() throws Exception {
		ServerSocket server = new ServerSocket(0);
		this.sockets.add(server);
		Thread acceptor = new Thread(() -> {
			List<Socket> held = new ArrayList<>();
			while (!server.isClosed()) {
				try {
					held.add(server.accept());
				}
				catch (Exception ex) {
					return;
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		return server;
	}

}
