package io.github.cfqueues.client.internal.ratelimit;

import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.client.TestRedisServer;
import io.github.cfqueues.client.internal.ratelimit.redis.RedisLimitStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Lettuce connection factories to a test Redis, one per simulated process, closed after each test. Register it with
 * {@code @RegisterExtension}.
 */
final class RedisConnections implements AfterEachCallback {

	static final String PREFIX = "cloudflare-queues:rate-limit:";

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	/**
	 * A started connection factory of its own, as one process has.
	 * @param port the Redis port on 127.0.0.1
	 * @return the factory
	 */
	synchronized LettuceConnectionFactory factory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		this.factories.add(factory);
		return factory;
	}

	/**
	 * A store on a connection of its own.
	 * @param redis the server
	 * @return the store
	 */
	RedisLimitStore store(TestRedisServer redis) {
		return new RedisLimitStore(factory(redis.port()), PREFIX);
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.factories.clear();
	}

}
