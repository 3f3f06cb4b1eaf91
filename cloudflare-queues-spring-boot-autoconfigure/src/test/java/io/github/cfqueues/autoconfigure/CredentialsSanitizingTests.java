package io.github.cfqueues.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the actuator's {@code env} and {@code configprops} endpoints showing values, every Cloudflare credential is
 * masked, in the properties and in the environment variables, while the values around it are shown.
 */
class CredentialsSanitizingTests {

	private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner contextRunner = CloudflareQueuesAutoConfigurationTests.runner()
		.withConfiguration(AutoConfigurations.of(CloudflareQueuesSanitizingAutoConfiguration.class,
				EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(
							StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "Test",
							Map.of("CLOUDFLARE_API_TOKEN", "env-token-SECRET-1", "CLOUDFLARE_API_KEY",
									"env-key-SECRET-2", "CLOUDFLARE_QUEUES_QUEUES_AUDIT_APITOKEN",
									"env-queue-token-SECRET-3", "CLOUDFLARE_ACCOUNT_ID", ACCOUNT))))
		.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "cloudflare.queues.account-id=" + ACCOUNT,
				"cloudflare.queues.api-token=prop-token-SECRET-4", "cloudflare.queues.queue-id=q1",
				"cloudflare.queues.queues.billing.queue-id=q2",
				"cloudflare.queues.queues.billing.account-id=fedcba9876543210fedcba9876543210",
				"cloudflare.queues.queues.billing.email=ops@example.com",
				"cloudflare.queues.queues.billing.api-key=prop-key-SECRET-5");

	@Test
	void theEnvEndpointMasksEveryCloudflareCredential() {
		this.contextRunner.run((context) -> {
			String env = new JsonMapper()
				.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
			assertThat(env).doesNotContain("SECRET")
				.contains("\"cloudflare.queues.account-id\":{\"value\":\"" + ACCOUNT + "\"")
				.contains("\"CLOUDFLARE_ACCOUNT_ID\":{\"value\":\"" + ACCOUNT + "\"")
				.contains("\"CLOUDFLARE_API_TOKEN\":{\"value\":\"******\"")
				.contains("\"CLOUDFLARE_API_KEY\":{\"value\":\"******\"")
				.contains("\"CLOUDFLARE_QUEUES_QUEUES_AUDIT_APITOKEN\":{\"value\":\"******\"")
				.contains("\"cloudflare.queues.api-token\":{\"value\":\"******\"")
				.contains("\"cloudflare.queues.queues.billing.api-key\":{\"value\":\"******\"");
		});
	}

	@Test
	void theConfigpropsEndpointMasksEveryCloudflareCredential() {
		this.contextRunner.run((context) -> {
			String configprops = new JsonMapper().writeValueAsString(
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
			assertThat(configprops).doesNotContain("SECRET")
				.contains("\"accountId\":\"" + ACCOUNT + "\"")
				.contains("\"email\":\"ops@example.com\"")
				.contains("\"apiToken\":\"******\"")
				.contains("\"apiKey\":\"******\"");
		});
	}

}
