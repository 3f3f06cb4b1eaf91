package io.github.cfqueues.autoconfigure.local;

import io.github.cfqueues.client.QueuePublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The common mistakes of a first application stop it with a report that says what is wrong and what to do, in place
 * of Spring Boot's generic ones.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureAnalysisTests {

	private static final String LOCAL = "--cloudflare.queues.local.enabled=true";

	@Test
	void aQualifierNamingNoConfiguredQueueListsTheConfiguredOnes(CapturedOutput output) {
		assertThatException().isThrownBy(() -> LocalApplication.run(new Class<?>[] { OrdersCheckout.class }, LOCAL,
				"--cloudflare.queues.queue-id=", "--cloudflare.queues.queues.emails.queue-id="));
		assertThat(output).contains("Parameter 0 of constructor in " + OrdersCheckout.class.getName()
				+ " asks for the QueuePublisher of the queue 'orders' (@Qualifier(\"orders\")), but no queue of that "
				+ "name is configured. The configured queues are [default, emails].")
			.contains("Declare the queue under cloudflare.queues.queues.orders (with its queue-id; in local mode "
					+ "'orders: {}' is enough), or change the qualifier to one of the configured queues.")
			.doesNotContain("Consider defining a bean");
	}

	@Test
	void thePrimaryPublisherWithoutADefaultQueueSaysWhichPropertySetsIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> LocalApplication.run(new Class<?>[] { PrimaryCheckout.class }, LOCAL,
				"--cloudflare.queues.queues.orders.queue-id=", "--cloudflare.queues.queues.emails.queue-id="));
		assertThat(output).contains("Field publisher in " + PrimaryCheckout.class.getName() + " asks for the primary "
				+ "QueuePublisher, which is the queue named 'default', set by cloudflare.queues.queue-id; no queue of "
				+ "that name is configured. The configured queues are [emails, orders].")
			.contains("Set cloudflare.queues.queue-id, or ask for one of the configured queues with "
					+ "@Qualifier(\"<queue name>\").");
	}

	@Test
	void aFractionalDelaySaysThatDelaysAreWholeSeconds(CapturedOutput output) {
		assertThatException().isThrownBy(() -> LocalApplication.run(LOCAL,
				"--cloudflare.queues.queues.orders.delay=1.5s"));
		assertThat(output).contains("The Cloudflare Queues property 'cloudflare.queues.queues.orders.delay' is not a "
				+ "duration: '1.5s' (from \"cloudflare.queues.queues.orders.delay\" from property source "
				+ "\"commandLineArgs\").")
			.contains("Write a duration as a whole number and a unit: 500ms, 30s, 5m, 2h or 1d (or in ISO-8601, as "
					+ "PT1M30S). A fraction such as 1.5s cannot be read, and a delay is whole seconds, from 0s to "
					+ "24h: write, for example, 2s.");
	}

	@Test
	void anyOtherMalformedDurationSaysHowDurationsAreWritten(CapturedOutput output) {
		assertThatException().isThrownBy(() -> LocalApplication.run(LOCAL,
				"--cloudflare.queues.request-timeout=2.5s"));
		assertThat(output).contains("The Cloudflare Queues property 'cloudflare.queues.request-timeout' is not a "
				+ "duration: '2.5s'")
			.contains("A fraction such as 1.5s cannot be read: write 1500ms instead.");
	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersCheckout {

		OrdersCheckout(@Qualifier("orders") QueuePublisher orders) {
		}

	}

	@Component
	static class PrimaryCheckout {

		@Autowired
		QueuePublisher publisher;

	}

}
