package io.github.cfqueues.autoconfigure.local;

import java.util.List;
import java.util.stream.Collectors;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.autoconfigure.CloudflareQueuesConnectionDetails;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties;
import io.github.cfqueues.autoconfigure.InvalidCloudflareQueuesPropertyException;
import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of local mode ({@code cloudflare.queues.local.enabled=true}): an embedded
 * {@link CloudflareQueuesEmulator} on the loopback address, holding every configured queue, and
 * {@link LocalCloudflareQueuesConnectionDetails} that send every request there instead of to Cloudflare. An
 * emulator bean of the application's is used instead of the embedded one; it must accept the token
 * {@value LocalCloudflareQueuesConnectionDetails#API_TOKEN} (an emulator built with no credentials accepts any).
 * Without the emulator on the classpath, local mode fails the startup rather than fall back to Cloudflare; with
 * credentials configured, it fails too unless {@code cloudflare.queues.local.allow-credentials} is set
 * ({@link LocalModeGuard}): local mode switched on in production by accident must not go unnoticed.
 */
@AutoConfiguration(before = CloudflareQueuesAutoConfiguration.class)
@ConditionalOnBooleanProperty(CloudflareQueuesLocalAutoConfiguration.ENABLED_PROPERTY)
@EnableConfigurationProperties(CloudflareQueuesProperties.class)
public final class CloudflareQueuesLocalAutoConfiguration {

	static final String ENABLED_PROPERTY = CloudflareQueuesProperties.PREFIX + ".local.enabled";

	private static final String EMULATOR_CLASS = "io.github.cfqueues.emulator.CloudflareQueuesEmulator";

	private static final Log logger = LogFactory.getLog(CloudflareQueuesLocalAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CloudflareQueuesEmulator.class)
	static class EmbeddedEmulatorConfiguration {

		@Bean(destroyMethod = "stop")
		@ConditionalOnMissingBean
		CloudflareQueuesEmulator cloudflareQueuesEmulator(CloudflareQueuesProperties properties) {
			return CloudflareQueuesEmulator.builder()
				.port(properties.getLocal().getPort())
				.apiToken(LocalCloudflareQueuesConnectionDetails.API_TOKEN)
				.start();
		}

		@Bean
		@ConditionalOnMissingBean(CloudflareQueuesConnectionDetails.class)
		LocalCloudflareQueuesConnectionDetails localCloudflareQueuesConnectionDetails(
				CloudflareQueuesProperties properties, CloudflareQueuesEmulator emulator) {
			LocalModeGuard.check(properties);
			emulator.start();
			LocalCloudflareQueuesConnectionDetails connectionDetails = new LocalCloudflareQueuesConnectionDetails(
					emulator.baseUrl());
			List<QueueEndpoint> queues = EmulatorQueues.create(emulator,
					new QueueEndpoints(properties, connectionDetails));
			logger.warn("Cloudflare Queues LOCAL MODE: messages are NOT going to Cloudflare; embedded emulator at "
					+ connectionDetails.getBaseUrl() + " with queues " + describe(queues)
					+ ". See what reached it at " + emulator.inspectionUrl()
					+ " (no credentials needed) or through the CloudflareQueuesEmulator bean; its API accepts only "
					+ "'Authorization: Bearer " + LocalCloudflareQueuesConnectionDetails.API_TOKEN + "'");
			return connectionDetails;
		}

		@Bean
		LocalModeReport cloudflareQueuesLocalModeReport(CloudflareQueuesEmulator emulator) {
			return new LocalModeReport(emulator);
		}

		private static String describe(List<QueueEndpoint> queues) {
			return queues.stream()
				.map((queue) -> queue.name() + " -> " + queue.accountId() + "/" + queue.queueId())
				.collect(Collectors.joining(", ", "[", "]"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(EMULATOR_CLASS)
	static class MissingEmulatorConfiguration {

		@Bean
		static BeanFactoryPostProcessor cloudflareQueuesLocalModeWithoutEmulator() {
			return (beanFactory) -> {
				throw new InvalidCloudflareQueuesPropertyException(ENABLED_PROPERTY,
						"local mode needs the embedded emulator, which is not on the classpath; add the dependency "
								+ "io.github.cfqueues:cloudflare-queues-emulator (for example in runtime scope), or "
								+ "set " + ENABLED_PROPERTY + "=false to send messages to Cloudflare");
			};
		}

	}

}
