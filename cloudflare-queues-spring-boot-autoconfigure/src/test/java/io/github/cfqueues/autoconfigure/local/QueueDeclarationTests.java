package io.github.cfqueues.autoconfigure.local;

import java.util.Map;
import java.util.stream.Collectors;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.autoconfigure.InvalidCloudflareQueuesPropertyException;
import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * A queue can be declared with no settings in every form a user writes it; local mode then gives it an id derived
 * from its name, and a setting made elsewhere still applies.
 */
class QueueDeclarationTests {

	private static final String DECLARATIONS = "--spring.config.location=classpath:declarations/application.yml";

	@Test
	void everyYamlFormOfAnEmptyDeclarationDeclaresTheQueue() {
		try (ConfigurableApplicationContext context = run(DECLARATIONS)) {
			assertThat(context.getBean(QueuePublisherRegistry.class).names()).containsExactlyInAnyOrder("orders",
					"emails", "audit", "billing");
			assertThat(context.getBeansOfType(QueuePublisher.class)).containsOnlyKeys("ordersQueuePublisher",
					"emailsQueuePublisher", "auditQueuePublisher", "billingQueuePublisher");
			assertThat(emulatorQueueIds(context)).containsOnly(entry("orders", derived("orders")),
					entry("emails", derived("emails")), entry("audit", derived("audit")),
					entry("billing", derived("billing")));
		}
	}

	@Test
	void aSettingMadeElsewhereWinsOverTheEmptyDeclaration() {
		try (ConfigurableApplicationContext context = run(DECLARATIONS,
				"--cloudflare.queues.queues.billing.queue-id=b1", "--cloudflare.queues.queues.emails.content-type=text")) {
			assertThat(emulatorQueueIds(context)).contains(entry("billing", "b1"), entry("emails", derived("emails")));
		}
	}

	@Test
	void onlyTheDocumentsThatApplyDeclareQueues() {
		try (ConfigurableApplicationContext context = run(DECLARATIONS, "--spring.profiles.active=elsewhere")) {
			assertThat(context.getBean(QueuePublisherRegistry.class).names()).contains("ghost");
		}
	}

	@Test
	void anEmptyValueInPropertiesOrTheEnvironmentDeclaresTheQueue() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, CloudflareQueuesAutoConfiguration.class,
					CloudflareQueuesLocalAutoConfiguration.class))
			.withPropertyValues("cloudflare.queues.local.enabled=true", "cloudflare.queues.queues.orders=")
			.run((context) -> assertThat(context.getBean(QueuePublisherRegistry.class).names())
				.containsExactly("orders"));
	}

	@Test
	void aQueueGivenAValueInsteadOfSettingsFailsSayingWhereSettingsGo() {
		assertThatExceptionOfType(InvalidCloudflareQueuesPropertyException.class)
			.isThrownBy(() -> run("--cloudflare.queues.local.enabled=true",
					"--cloudflare.queues.queues.orders=4f1c0000000000000000000000000002"))
			.withMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.queues.orders: a queue takes its "
					+ "settings under its name, not a value of its own (the value is not shown); write, for example, "
					+ "orders: { queue-id: <the queue's id> }, or an empty orders: {} to declare it with no settings");
	}

	private static Map<String, String> emulatorQueueIds(ConfigurableApplicationContext context) {
		return context.getBean(CloudflareQueuesEmulator.class)
			.queues()
			.stream()
			.collect(Collectors.toMap(EmulatedQueue::name, EmulatedQueue::queueId));
	}

	private static String derived(String name) {
		return QueueEndpoints.derivedQueueId(name);
	}

	private static ConfigurableApplicationContext run(String... args) {
		return LocalApplication.run(args);
	}

}
