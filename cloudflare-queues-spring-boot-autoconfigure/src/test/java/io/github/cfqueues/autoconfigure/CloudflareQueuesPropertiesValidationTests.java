package io.github.cfqueues.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every invalid property stops the context with a message that names it, and no credential appears in any message
 * of the failure or in its analysis.
 */
class CloudflareQueuesPropertiesValidationTests {

	private static final String TOKEN = "tok-SECRET-9f8e7d";

	private static final String KEY = "key-SECRET-1a2b3c";

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner contextRunner = CloudflareQueuesAutoConfigurationTests.runner();

	static Stream<Arguments> invalidProperties() {
		String base = "cloudflare.queues.";
		return Stream.of(
				arguments(List.of("account-id=" + ACCOUNT + "0", "api-token=" + TOKEN, "queue-id=q1"),
						base + "account-id", "at most 32"),
				arguments(List.of("account-id=abc-def", "api-token=" + TOKEN, "queue-id=q1"), base + "account-id",
						"letters and digits"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queue-id=q/1"), base + "queue-id",
						"letters and digits"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=a.b"),
						base + "queues.orders.queue-id", "letters and digits"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=q1",
						"queues.orders.account-id=" + "x".repeat(33)), base + "queues.orders.account-id", "at most 32"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "email=ops@example.com",
						"api-key=" + KEY, "queue-id=q1"), base + "api-token", "not both"),
				arguments(List.of("account-id=" + ACCOUNT, "email=ops@example.com", "queue-id=q1"), base + "api-key",
						"api-key is missing"),
				arguments(List.of("account-id=" + ACCOUNT, "api-key=" + KEY, "queue-id=q1"), base + "email",
						"email is missing"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN + "\r\nX-Injected: 1", "queue-id=q1"),
						base + "api-token", "control character"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=q1",
						"queues.orders.api-key=" + KEY + "\u0007x", "queues.orders.email=a@b.c"),
						base + "queues.orders.api-key", "control character"),
				arguments(List.of("account-id=" + ACCOUNT, "queue-id=q1"), base + "api-token", "no credentials"),
				arguments(List.of("api-token=" + TOKEN, "queue-id=q1"), base + "account-id", "no account id"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "base-url=http://example.com/v4",
						"queue-id=q1"), base + "base-url", "https"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "base-url=/client/v4", "queue-id=q1"),
						base + "base-url", "absolute"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN,
						"base-url=https://user:" + KEY + "@api.example.com", "queue-id=q1"), base + "base-url",
						"user info"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN,
						"base-url=https://api.example.com/v4?key=" + KEY, "queue-id=q1"), base + "base-url",
						"'https://api.example.com...' must not have a query"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN,
						"base-url=https://api.example.com/v4 " + KEY, "queue-id=q1"), base + "base-url",
						"is not a URL"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN,
						"base-url=http://api.example.com:8080/v4", "queue-id=q1"), base + "base-url",
						"'http://api.example.com:8080' must use https"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=q1",
						"queues.orders.delay=1500ms"), base + "queues.orders.delay", "whole seconds"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=q1",
						"queues.orders.delay=25h"), base + "queues.orders.delay", "at most 86400"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=q1",
						"queues.orders.consumer.batch-size=101"), base + "queues.orders.consumer.batch-size",
						"from 1 to 100"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=q1",
						"queues.orders.consumer.visibility-timeout=13h"),
						base + "queues.orders.consumer.visibility-timeout", "at most 12 hours"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.orders.queue-id=q1",
						"queues.orders.consumer.ack-max-wait=-1s"), base + "queues.orders.consumer.ack-max-wait",
						"must not be negative"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queue-id=q1", "request-timeout=0s"),
						base + "request-timeout", "positive"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queue-id=q1", "connect-timeout=-1s"),
						base + "connect-timeout", "positive"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queue-id=q1", "retry.jitter=1.5"),
						base + "retry.jitter", "from 0 to 1"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queue-id=q1",
						"retry.max-attempts=0"), base + "retry.max-attempts", "at least 1"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queue-id=q1",
						"queues.default.queue-id=q2"), base + "queue-id", "two ids"),
				arguments(List.of("account-id=" + ACCOUNT, "api-token=" + TOKEN, "queues.[or ders].queue-id=q2"),
						base + "queues.or ders", "queue name"));
	}

	@ParameterizedTest(name = "{1}: {2}")
	@MethodSource("invalidProperties")
	void invalidPropertyStopsTheContextNamingItWithoutShowingCredentials(List<String> properties, String property,
			String reason) {
		this.contextRunner.withPropertyValues(properties.stream().map((p) -> "cloudflare.queues." + p).toArray(String[]::new))
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				InvalidCloudflareQueuesPropertyException invalid = findCause(failure);
				assertThat(invalid.getProperty()).isEqualTo(property);
				assertThat(invalid.getMessage()).contains(property, reason);
				for (String message : messagesOf(failure)) {
					assertThat(message).doesNotContain("SECRET");
				}
				FailureAnalysis analysis = new InvalidCloudflareQueuesPropertyFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains(property).doesNotContain("SECRET");
				assertThat(analysis.getAction()).doesNotContain("SECRET");
			});
	}

	@Test
	void failureAnalyzersAreRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, new StandardEnvironment()),
					FailureHandler.handleMessage((message, ex) -> {
					})))
			.hasAtLeastOneElementOfType(InvalidCloudflareQueuesPropertyFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(MissingQueuePublisherFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(DurationBindFailureAnalyzer.class);
	}

	@Test
	void blankAccountAndCredentialsCountAsUnset() {
		this.contextRunner.withPropertyValues("cloudflare.queues.account-id=", "cloudflare.queues.api-token=")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aBlankTopLevelQueueIdStillDeclaresTheDefaultQueueWhichThenNeedsAnId() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.queue-id=")
			.run((context) -> assertThat(findCause(context.getStartupFailure()))
				.hasMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.queue-id: the queue 'default' "
						+ "has no id. Set it to the queue's id, 32 hex digits: `wrangler queues list` shows it, and "
						+ "so does the queue's page in the Cloudflare dashboard; or set the queue's name as "
						+ "cloudflare.queues.queue-name. Or, to run without a Cloudflare "
						+ "account, turn on local mode (cloudflare.queues.local.enabled=true)"));
	}

	@Test
	void aQueueNameGivenAsTheQueueIdIsCalledOutWithWhereToFindTheId() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT, "cloudflare.queues.api-token=" + TOKEN,
					"cloudflare.queues.queues.orders.queue-id=orders-queue")
			.run((context) -> assertThat(findCause(context.getStartupFailure()))
				.hasMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.queues.orders.queue-id: "
						+ "'orders-queue' looks like a queue's name, not its id. Set the queue's id, 32 hex digits: "
						+ "`wrangler queues list` shows it, and so does the queue's page in the Cloudflare dashboard "
						+ "(The id must hold only letters and digits, found '-' at 6)"));
	}

	@Test
	void aMalformedAccountIdSaysWhereToFindTheAccountId() {
		this.contextRunner
			.withPropertyValues("cloudflare.queues.account-id=ops@example.com", "cloudflare.queues.api-token=" + TOKEN)
			.run((context) -> assertThat(findCause(context.getStartupFailure()))
				.hasMessage("Invalid Cloudflare Queues configuration: cloudflare.queues.account-id: The id must hold "
						+ "only letters and digits, found '@' at 3 (32 letters or digits at most, as Cloudflare "
						+ "issues them). The account id is 32 hex digits: the Cloudflare dashboard shows it on the "
						+ "account's home page and in its address (dash.cloudflare.com/<account id>)"));
	}

	private static InvalidCloudflareQueuesPropertyException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidCloudflareQueuesPropertyException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("No InvalidCloudflareQueuesPropertyException in " + failure, failure);
	}

	private static List<String> messagesOf(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
			messages.add(cause.toString());
		}
		return messages;
	}

}
