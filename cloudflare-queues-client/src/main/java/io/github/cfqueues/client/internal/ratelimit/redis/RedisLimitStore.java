package io.github.cfqueues.client.internal.ratelimit.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializationContext;

/**
 * The shared limiter's state in Redis, through Spring Data Redis's reactive template and the {@link LuaScripts}.
 * An account's keys start with the prefix and hold the account id in a hash tag, for example
 * {@code cloudflare-queues:rate-limit:{0123…}} and {@code cloudflare-queues:rate-limit:{0123…}:queue:4f1c…}; they
 * expire once the account has been idle for a window.
 * <p>
 * Every call subscribes on {@link Schedulers#boundedElastic()}: Spring Data's Lettuce connection factory opens its
 * shared connection synchronously on first use (and tries again on each use while Redis is unreachable), which must
 * never hold up the caller's thread.
 */
public final class RedisLimitStore implements SharedLimitStore {

	private static final Outcome[] OUTCOMES = { Outcome.GRANTED, Outcome.PACED, Outcome.ACCOUNT_PAUSED,
			Outcome.QUEUE_PAUSED };

	private final ReactiveRedisTemplate<String, String> redis;

	private final String keyPrefix;

	/**
	 * Creates the store.
	 * @param connectionFactory the connections to Redis
	 * @param keyPrefix what every key starts with
	 */
	public RedisLimitStore(ReactiveRedisConnectionFactory connectionFactory, String keyPrefix) {
		this.redis = new ReactiveRedisTemplate<>(
				Objects.requireNonNull(connectionFactory, "connectionFactory must not be null"),
				RedisSerializationContext.string());
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
	}

	@Override
	public Mono<Reservation> reserve(String accountId, String queueId, Schedule schedule, int charge) {
		return one(LuaScripts.RESERVE,
				List.of(stateKey(accountId), freedKey(accountId), queueKey(accountId, queueId)),
				List.of(Long.toString(schedule.intervalMicros()), Long.toString(schedule.toleranceMicros()),
						Long.toString(schedule.maxWaitMicros()), Long.toString(schedule.windowMicros()),
						Integer.toString(charge)))
			.map((reply) -> new Reservation(OUTCOMES[(int) number(reply.get(0))], number(reply.get(1)),
					text(reply.get(2)), number(reply.get(3)), text(reply.get(4))));
	}

	@Override
	public Mono<Void> giveBack(String accountId, String slot, Schedule schedule) {
		return one(LuaScripts.GIVE_BACK, List.of(stateKey(accountId), freedKey(accountId)),
				List.of(slot, Long.toString(schedule.toleranceMicros()), Long.toString(schedule.windowMicros())))
			.then();
	}

	@Override
	public Mono<Void> pauseAccount(String accountId, Duration duration, String cause, Schedule schedule) {
		return one(LuaScripts.PAUSE_ACCOUNT, List.of(stateKey(accountId)),
				List.of(Long.toString(micros(duration)), cause, Long.toString(schedule.toleranceMicros()),
						Long.toString(schedule.windowMicros())))
			.then();
	}

	@Override
	public Mono<Void> pauseQueue(String accountId, String queueId, Duration duration, String cause) {
		return one(LuaScripts.PAUSE_QUEUE, List.of(queueKey(accountId, queueId)),
				List.of(Long.toString(micros(duration)), cause))
			.then();
	}

	@Override
	public Mono<Pauses> pauses(String accountId, String queueId) {
		return one(LuaScripts.PAUSES, List.of(stateKey(accountId), queueKey(accountId, queueId)), List.of())
			.map((reply) -> new Pauses(number(reply.get(0)), number(reply.get(1))));
	}

	@Override
	public Mono<Void> ping() {
		return this.redis.execute((connection) -> connection.ping()).then().subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The key of an account's schedule and pause.
	 * @param accountId the account
	 * @return the key
	 */
	public String stateKey(String accountId) {
		return this.keyPrefix + "{" + accountId + "}";
	}

	private String freedKey(String accountId) {
		return stateKey(accountId) + ":freed";
	}

	private String queueKey(String accountId, String queueId) {
		return stateKey(accountId) + ":queue:" + queueId;
	}

	private <T> Mono<T> one(RedisScript<T> script, List<String> keys, List<String> args) {
		Flux<T> replies = this.redis.execute(script, keys, args);
		return replies.single().subscribeOn(Schedulers.boundedElastic());
	}

	private static long micros(Duration duration) {
		return Math.max(1, (duration.toNanos() + 999) / 1000);
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : Long.parseLong(text(value));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

}
