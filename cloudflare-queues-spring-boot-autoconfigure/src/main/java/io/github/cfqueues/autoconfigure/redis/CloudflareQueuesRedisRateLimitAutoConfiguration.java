package io.github.cfqueues.autoconfigure.redis;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.autoconfigure.CloudflareQueuesClientCustomizer;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Redis;
import io.github.cfqueues.autoconfigure.InvalidCloudflareQueuesPropertyException;
import io.github.cfqueues.client.RedisRateLimitStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Auto-configuration of the rate limiter shared through Redis ({@code cloudflare.queues.rate-limit.store=redis}): a
 * {@link RedisRateLimitStore} on the application's {@link ReactiveRedisConnectionFactory} (Spring Boot's, from
 * {@code spring.data.redis.*}), which the client then paces every account with. Without Spring Data Redis on the
 * classpath, or without a reactive connection factory, the store setting fails the startup rather than let each
 * process pace itself as if it were alone.
 */
@AutoConfiguration(before = CloudflareQueuesAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnProperty(name = CloudflareQueuesRedisRateLimitAutoConfiguration.STORE_PROPERTY, havingValue = "redis")
@EnableConfigurationProperties(CloudflareQueuesProperties.class)
public final class CloudflareQueuesRedisRateLimitAutoConfiguration {

	static final String STORE_PROPERTY = CloudflareQueuesProperties.PREFIX + ".rate-limit.store";

	private static final String CONNECTION_FACTORY_CLASS = "org.springframework.data.redis.connection."
			+ "ReactiveRedisConnectionFactory";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = CONNECTION_FACTORY_CLASS)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisRateLimitStore cloudflareQueuesRateLimitStore(CloudflareQueuesProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			ReactiveRedisConnectionFactory connections = connectionFactory.getIfUnique();
			if (connections == null) {
				throw new InvalidCloudflareQueuesPropertyException(STORE_PROPERTY, "is redis, but the application "
						+ "has no single ReactiveRedisConnectionFactory bean: add spring-boot-starter-data-redis-reactive "
						+ "(Lettuce) and set spring.data.redis.*");
			}
			Redis redis = properties.getRateLimit().getRedis();
			return RedisRateLimitStore.builder(connections)
				.timeout(redis.getTimeout())
				.fallbackShare(redis.getFallbackShare())
				.keyPrefix(redis.getKeyPrefix())
				.build();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		CloudflareQueuesClientCustomizer cloudflareQueuesRateLimitStoreCustomizer(RedisRateLimitStore store) {
			return (builder) -> builder.rateLimitStore(store);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(CONNECTION_FACTORY_CLASS)
	static class MissingSpringDataRedisConfiguration {

		@Bean
		static BeanFactoryPostProcessor cloudflareQueuesRedisStoreWithoutSpringDataRedis() {
			return (beanFactory) -> {
				throw new InvalidCloudflareQueuesPropertyException(STORE_PROPERTY, "is redis, but Spring Data Redis "
						+ "is not on the classpath: add spring-boot-starter-data-redis-reactive (Lettuce), or set "
						+ STORE_PROPERTY + "=local to pace each process on its own");
			};
		}

	}

}
