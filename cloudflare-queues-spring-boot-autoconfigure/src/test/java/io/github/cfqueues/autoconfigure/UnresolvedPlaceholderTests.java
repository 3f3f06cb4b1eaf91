package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.client.QueuePublisherRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code cloudflare.queues.*} value left with a placeholder nothing resolves, an environment variable that is not
 * set, fails startup naming the property and the variable, and nothing else of the value: an id or a credential when
 * the queue's publisher is made (on a local connection they count as unset), any other value before anything is
 * bound.
 */
class UnresolvedPlaceholderTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner contextRunner = CloudflareQueuesAutoConfigurationTests.runner()
		.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=token-0042");

	@Test
	void anUnsetVariableFailsStartupNamingThePropertyAndTheVariable() {
		this.contextRunner.withPropertyValues("cloudflare.queues.queue-id=${CFQ_TEST_UNSET_QUEUE_ID}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.queue-id: unresolved "
						+ "placeholder: 'CFQ_TEST_UNSET_QUEUE_ID' is not set. Set the environment variable "
						+ "CFQ_TEST_UNSET_QUEUE_ID (or a property of that name), or give the placeholder a default, "
						+ "as ${CFQ_TEST_UNSET_QUEUE_ID:...}; to run without a Cloudflare account, turn on local "
						+ "mode (cloudflare.queues.local.enabled=true)"));
	}

	@Test
	void anUnresolvedDurationFailsAsAPlaceholderNotAsAMalformedDuration() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.queues.orders.queue-id=q1",
					"cloudflare.queues.queues.orders.delay=${CFQ_TEST_ORDERS_DELAY}")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageStartingWith("Invalid Cloudflare Queues configuration: cloudflare.queues.queues.orders.delay: "
						+ "unresolved placeholder: 'CFQ_TEST_ORDERS_DELAY' is not set."));
	}

	@Test
	void theRestOfACredentialHoldingAnUnresolvedPlaceholderIsNeverShown() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.api-token=tok-SECRET-${CFQ_TEST_TOKEN_SUFFIX}",
					"cloudflare.queues.queue-id=q1")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageStartingWith("Invalid Cloudflare Queues configuration: cloudflare.queues.api-token: "
							+ "unresolved placeholder: 'CFQ_TEST_TOKEN_SUFFIX' is not set.");
				for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
					assertThat(failure.getMessage()).doesNotContain("SECRET");
				}
			});
	}

	@Test
	void aNestedPlaceholderNamesTheVariableThatIsMissing() {
		this.contextRunner
			.withPropertyValues("cfq.test.queue=${CFQ_TEST_UNSET_INNER}",
					"cloudflare.queues.queue-id=${cfq.test.queue}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("unresolved placeholder: 'CFQ_TEST_UNSET_INNER' is not set."));
	}

	@Test
	void placeholdersThatResolveAreFine() {
		this.contextRunner
			.withPropertyValues("cfq.test.queue=q1", "cloudflare.queues.queue-id=${cfq.test.queue}",
					"cloudflare.queues.queues.orders.queue-id=${CFQ_TEST_UNSET_ORDERS:q2}")
			.run((context) -> assertThat(context.getBean(QueuePublisherRegistry.class).names())
				.containsExactly("default", "orders"));
	}

}
