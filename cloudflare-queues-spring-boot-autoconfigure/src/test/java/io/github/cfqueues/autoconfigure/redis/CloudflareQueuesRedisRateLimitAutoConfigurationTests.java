package io.github.cfqueues.autoconfigure.redis;

import java.time.Duration;

import io.github.cfqueues.autoconfigure.InvalidCloudflareQueuesPropertyException;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.RedisRateLimitStore;
import io.github.cfqueues.client.TestRedisServer;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code cloudflare.queues.rate-limit.store} and {@code rate-limit.redis.*} become the client's shared limiter,
 * and how a store setting that cannot work stops the startup, naming the property.
 */
class CloudflareQueuesRedisRateLimitAutoConfigurationTests {

	private static final String QUEUE = "fedcba9876543210fedcba9876543210";

	private static final String STATE_KEY = "cloudflare-queues:rate-limit:{" + ReplicaContexts.ACCOUNT + "}";

	private static TestRedisServer redis;

	private static CloudflareQueuesEmulator emulator;

	@BeforeAll
	static void startServers() {
		redis = TestRedisServer.start();
		emulator = CloudflareQueuesEmulator.builder()
			.apiToken(ReplicaContexts.TOKEN)
			.queue(ReplicaContexts.ACCOUNT, QUEUE)
			.start();
	}

	@AfterAll
	static void stopServers() {
		redis.close();
		emulator.stop();
	}

	@BeforeEach
	void emptyRedis() {
		redis.command("CLIENT", "KILL", "TYPE", "normal");
		redis.command("FLUSHALL");
	}

	private static String baseUrl() {
		return emulator.baseUrl().toString();
	}

	@Test
	void withoutAStoreEachProcessPacesItselfAndRedisIsNotUsed() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withPropertyValues("cloudflare.queues.rate-limit.store=local")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(RedisRateLimitStore.class);
				context.getBean(QueuePublisher.class).pushText("local").block(Duration.ofSeconds(10));
				assertThat(redis.keys()).isEmpty();
			});
	}

	@Test
	void theRedisStoreTakesEveryPermitFromTheApplicationsRedis() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withPropertyValues("cloudflare.queues.rate-limit.redis.timeout=2s",
					"cloudflare.queues.rate-limit.redis.fallback-share=0.25",
					"cloudflare.queues.rate-limit.redis.key-prefix=orders-service:")
			.run((context) -> {
				RedisRateLimitStore store = context.getBean(RedisRateLimitStore.class);
				assertThat(store.timeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(store.fallbackShare()).isEqualTo(0.25);
				assertThat(store.keyPrefix()).isEqualTo("orders-service:");
				ReplicaContexts.awaitConnection(redis, "wiring");
				context.getBean(QueuePublisher.class).pushText("shared").block(Duration.ofSeconds(10));
				assertThat(redis.keys()).containsExactlyInAnyOrder("orders-service:{" + ReplicaContexts.ACCOUNT + "}",
						"orders-service:{" + ReplicaContexts.ACCOUNT + "}:processes");
				assertThat(redis.command("HGETALL", "orders-service:{" + ReplicaContexts.ACCOUNT + "}").toString())
					.doesNotContain(ReplicaContexts.TOKEN);
			});
	}

	@Test
	void theStoreSettingIsCaseInsensitiveAndDefaultsAreCloudflareQueuesKeysAndAFallbackShareOfOneTenth() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withPropertyValues("cloudflare.queues.rate-limit.store=REDIS")
			.run((context) -> {
				RedisRateLimitStore store = context.getBean(RedisRateLimitStore.class);
				assertThat(store.timeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(store.fallbackShare()).isEqualTo(0.1);
				ReplicaContexts.awaitConnection(redis, "wiring");
				context.getBean(QueuePublisher.class).pushText("shared").block(Duration.ofSeconds(10));
				assertThat(redis.keys()).containsExactlyInAnyOrder(STATE_KEY, STATE_KEY + ":processes");
			});
	}

	@Test
	void aStoreOfTheApplicationsOwnReplacesOurs() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withUserConfiguration(OwnStore.class)
			.run((context) -> {
				assertThat(context).getBean(RedisRateLimitStore.class).isSameAs(context.getBean("ownStore"));
				ReplicaContexts.awaitConnection(redis, "wiring");
				context.getBean(QueuePublisher.class).pushText("own").block(Duration.ofSeconds(10));
				assertThat(redis.keys()).containsExactlyInAnyOrder("own:{" + ReplicaContexts.ACCOUNT + "}",
						"own:{" + ReplicaContexts.ACCOUNT + "}:processes");
			});
	}

	@Test
	void theRedisStoreWithoutAReactiveConnectionFactoryStopsTheStartupNamingTheProperty() {
		ReplicaContexts.runner()
			.withPropertyValues("cloudflare.queues.account-id=" + ReplicaContexts.ACCOUNT,
					"cloudflare.queues.api-token=" + ReplicaContexts.TOKEN, "cloudflare.queues.queue-id=" + QUEUE,
					"cloudflare.queues.rate-limit.store=redis")
			.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.run((context) -> assertThat(startupFailure(context))
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.rate-limit.store")
				.hasMessageContaining("no single ReactiveRedisConnectionFactory bean"));
	}

	@Test
	void theRedisStoreWithoutSpringDataRedisStopsTheStartupNamingTheProperty() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.run((context) -> assertThat(startupFailure(context))
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.rate-limit.store")
				.hasMessageContaining("Spring Data Redis is not on the classpath"));
	}

	@Test
	void theRedisStoreNeedsPacing() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withPropertyValues("cloudflare.queues.rate-limit.enabled=false")
			.run((context) -> assertThat(startupFailure(context))
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.rate-limit.store")
				.hasMessageContaining("rate-limit.enabled must be true"));
	}

	@Test
	void aFallbackShareLeavingNoRoomBeyondTheBurstStopsTheStartup() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withPropertyValues("cloudflare.queues.rate-limit.redis.fallback-share=0.005")
			.run((context) -> assertThat(startupFailure(context))
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.rate-limit.redis.fallback-share")
				.hasMessageContaining("(requests 1200 x fallback-share 0.005 = 6) must be more than the burst (10)"));
	}

	@Test
	void aFallbackShareAboveOneStopsTheStartup() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withPropertyValues("cloudflare.queues.rate-limit.redis.fallback-share=1.5")
			.run((context) -> assertThat(startupFailure(context))
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.rate-limit.redis.fallback-share")
				.hasMessageContaining("must be above 0 and at most 1, got 1.5"));
	}

	@Test
	void aNonPositiveTimeoutStopsTheStartup() {
		ReplicaContexts.replica("wiring", baseUrl(), QUEUE, redis.port())
			.withPropertyValues("cloudflare.queues.rate-limit.redis.timeout=0s")
			.run((context) -> assertThat(startupFailure(context))
				.isInstanceOf(InvalidCloudflareQueuesPropertyException.class)
				.hasMessageContaining("cloudflare.queues.rate-limit.redis.timeout"));
	}

	private static Throwable startupFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		RedisRateLimitStore ownStore(ReactiveRedisConnectionFactory connectionFactory) {
			return RedisRateLimitStore.builder(connectionFactory).keyPrefix("own:").build();
		}

	}

}
