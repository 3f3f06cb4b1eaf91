package io.github.cfqueues.client.internal.ratelimit.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cfqueues.client.internal.ratelimit.SharedLimitStore;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializationContext;

/**
 * The shared limiter's state in Redis, through Spring Data Redis's reactive template and the {@link LuaScripts}.
 * An account's keys start with the prefix and hold the account id in a hash tag, for example
 * {@code cloudflare-queues:rate-limit:{0123…}} and {@code cloudflare-queues:rate-limit:{0123…}:queue:4f1c…}; they
 * expire once the account has been idle for a window. The processes' key holds each process's random id, never
 * anything that names the host or a credential.
 * <p>
 * Spring Data's Lettuce connection factory opens its shared connection synchronously on first use, and tries again on
 * each use until it has one. So the store opens it itself, on {@link Schedulers#boundedElastic()}, one attempt at a
 * time, starting when it is created: a command waits for that attempt (within the caller's timeout) and never holds
 * up the caller's thread. Once open, Lettuce reconnects the connection by itself, and commands go straight to it.
 */
public final class RedisLimitStore implements SharedLimitStore {

	private static final Outcome[] OUTCOMES = { Outcome.GRANTED, Outcome.PACED, Outcome.ACCOUNT_PAUSED,
			Outcome.QUEUE_PAUSED };

	private final ReactiveRedisTemplate<String, String> redis;

	private final String keyPrefix;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final AtomicReference<@Nullable Mono<Void>> opening = new AtomicReference<>();

	private volatile boolean open;

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
		this.connectionFactory = connectionFactory;
		opened().subscribe((ignored) -> {
		}, (ex) -> {
		});
	}

	@Override
	public Mono<Reservation> reserve(String accountId, String queueId, Schedule schedule, Requester requester) {
		return one(LuaScripts.RESERVE,
				List.of(stateKey(accountId), freedKey(accountId), queueKey(accountId, queueId),
						processesKey(accountId)),
				List.of(Long.toString(schedule.intervalMicros()), Long.toString(schedule.toleranceMicros()),
						Long.toString(schedule.maxWaitMicros()), Long.toString(schedule.windowMicros()),
						Long.toString(schedule.rejoinMicros()), requester.id(), Integer.toString(requester.charge()),
						Integer.toString(requester.rejoining())))
			.map((reply) -> new Reservation(OUTCOMES[(int) number(reply.get(0))], number(reply.get(1)),
					text(reply.get(2)), number(reply.get(3)), text(reply.get(4)), (int) number(reply.get(5)),
					number(reply.get(6)) == 1));
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
		return opened().then(Mono.defer(() -> this.redis.execute((connection) -> connection.ping()).then()));
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

	private String processesKey(String accountId) {
		return stateKey(accountId) + ":processes";
	}

	private String queueKey(String accountId, String queueId) {
		return stateKey(accountId) + ":queue:" + queueId;
	}

	private <T> Mono<T> one(RedisScript<T> script, List<String> keys, List<String> args) {
		return opened().then(Mono.defer(() -> {
			Flux<T> replies = this.redis.execute(script, keys, args);
			return replies.single();
		}));
	}

	/**
	 * Completes once the shared connection is open: at once when it is; else when the attempt under way (or one
	 * started now) ends, with its error if it failed. Cancelling the returned {@code Mono} does not cancel the
	 * attempt.
	 */
	private Mono<Void> opened() {
		if (this.open) {
			return Mono.empty();
		}
		Mono<Void> attempt = this.opening.get();
		if (attempt != null) {
			return attempt;
		}
		Sinks.Empty<Void> outcome = Sinks.empty();
		Mono<Void> mine = outcome.asMono();
		if (!this.opening.compareAndSet(null, mine)) {
			return opened();
		}
		Schedulers.boundedElastic().schedule(() -> {
			try {
				this.connectionFactory.getReactiveConnection().close();
				this.open = true;
				outcome.tryEmitEmpty();
			}
			catch (RuntimeException ex) {
				outcome.tryEmitError(ex);
			}
			finally {
				this.opening.set(null);
			}
		});
		return mine;
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
