package io.github.cfqueues.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.metrics.CloudflareQueuesMeters;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.github.cfqueues.client.metrics.MicrometerMetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a {@link MeterRegistry} bean, the client reports to a {@link MicrometerMetricsRecorder} on it, unless the
 * application defines a recorder of its own.
 */
class CloudflareQueuesMetricsAutoConfigurationTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, CloudflareQueuesAutoConfiguration.class,
				CloudflareQueuesMetricsAutoConfiguration.class))
		.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=token-0042",
				"cloudflare.queues.queue-id=q1", "cloudflare.queues.base-url=" + server.baseUrl() + "/client/v4");

	@BeforeEach
	void stubAccepts() {
		server.stubFor(post(urlMatching("/client/v4/accounts/.*"))
			.willReturn(okJson("{\"success\":true,\"result\":{\"metadata\":{\"metrics\":{\"backlog_count\":7,"
					+ "\"backlog_bytes\":700,\"oldest_message_timestamp_ms\":0}}}}")));
	}

	@Test
	void withoutAMeterRegistryNoRecorderIsDefined() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MetricsRecorder.class));
	}

	@Test
	void withAMeterRegistryTheClientReportsToIt() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		// Permits come back once an hour: each request takes one for the length of the test.
		this.contextRunner.withBean(MeterRegistry.class, () -> registry)
			.withPropertyValues("cloudflare.queues.rate-limit.requests=20", "cloudflare.queues.rate-limit.window=10h",
					"cloudflare.queues.rate-limit.burst=10")
			.run((context) -> {
				assertThat(context).getBean(MetricsRecorder.class).isInstanceOf(MicrometerMetricsRecorder.class);
				assertThat(permits(registry)).isEqualTo(10);
				context.getBean(QueuePublisher.class).pushText("counted").block(Duration.ofSeconds(10));

				assertThat(registry.get(CloudflareQueuesMeters.MESSAGES_PUSHED)
					.tag(CloudflareQueuesMeters.QUEUE_TAG, "default")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get(CloudflareQueuesMeters.BACKLOG_MESSAGES)
					.tag(CloudflareQueuesMeters.QUEUE_TAG, "default")
					.gauge()
					.value()).isEqualTo(7);
				assertThat(permits(registry)).isEqualTo(9);
			});
	}

	@Test
	void aRecorderOfTheApplicationReplacesTheMicrometerOne() {
		AtomicInteger pushed = new AtomicInteger();
		MetricsRecorder own = new MetricsRecorder() {

			@Override
			public void pushed(String queueName, int messages) {
				pushed.addAndGet(messages);
			}

		};
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(MetricsRecorder.class, () -> own)
			.run((context) -> {
				assertThat(context).getBean(MetricsRecorder.class).isSameAs(own);
				context.getBean(QueuePublisher.class).pushText("mine").block(Duration.ofSeconds(10));
				assertThat(pushed).hasValue(1);
			});
	}

	@Test
	void withoutMicrometerCoreOnTheClasspathTheRecorderBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MetricsRecorder.class));
	}

	private static double permits(MeterRegistry registry) {
		return registry.get(CloudflareQueuesMeters.RATE_LIMIT_PERMITS)
			.tag(CloudflareQueuesMeters.ACCOUNT_TAG, ACCOUNT)
			.gauge()
			.value();
	}

}
