package io.github.cfqueues.autoconfigure.redis;

import java.time.Duration;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;
import io.github.cfqueues.client.TestRedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.awaitility.Awaitility.await;

/**
 * Application contexts as a replica of a service has them: Boot's Redis and WebClient auto-configuration, and ours.
 */
final class ReplicaContexts {

	static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	static final String TOKEN = "secret-token-value-0042";

	static final String SHARED_LIMITER_LOGGER = "io.github.cfqueues.client.internal.ratelimit.SharedAccountRateLimiter";

	private ReplicaContexts() {
	}

	/**
	 * Waits until a replica's rate-limit store has opened its connection, which it starts doing while the
	 * application starts.
	 * @param redis the server
	 * @param replica the replica's name
	 */
	static void awaitConnection(TestRedisServer redis, String replica) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> redis.command("CLIENT", "LIST").toString().contains(" name=" + replica + " "));
	}

	/**
	 * A replica's context, without properties.
	 * @return the runner
	 */
	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				CodecsAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
				CloudflareQueuesAutoConfiguration.class, CloudflareQueuesRedisRateLimitAutoConfiguration.class));
	}

	/**
	 * A replica pushing to its own queue of the account, its limiter in the given Redis.
	 * @param name the replica's name, also its Redis client name
	 * @param baseUrl the API's base URL
	 * @param queueId the replica's queue
	 * @param redisPort the Redis port on 127.0.0.1
	 * @return the runner
	 */
	static ApplicationContextRunner replica(String name, String baseUrl, String queueId, int redisPort) {
		return runner().withPropertyValues("cloudflare.queues.account-id=" + ACCOUNT,
				"cloudflare.queues.api-token=" + TOKEN, "cloudflare.queues.base-url=" + baseUrl,
				"cloudflare.queues.queue-id=" + queueId, "cloudflare.queues.rate-limit.store=redis",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
				"spring.data.redis.client-name=" + name);
	}

}
