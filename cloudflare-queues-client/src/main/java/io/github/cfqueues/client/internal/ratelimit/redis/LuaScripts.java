package io.github.cfqueues.client.internal.ratelimit.redis;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The server-side scripts of the shared limiter. Each runs atomically in Redis and reads Redis's clock
 * ({@code TIME}), in microseconds. Keys (all in one cluster slot, through the account's hash tag): the account's
 * state hash ({@code tat}, the theoretical arrival time of the next permit; {@code pause_until} and
 * {@code pause_cause}, and a rejoin after an outage), its sorted set of slots given back, its sorted set of the
 * processes seen within a window, and one hash per paused queue ({@code until}, {@code cause}). Numbers go out through {@code %.0f}: Lua's own number-to-string conversion keeps 14 digits, fewer
 * than a microsecond timestamp has.
 */
final class LuaScripts {

	private static final String COMMON = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local function str(n)
			  return string.format('%.0f', n)
			end
			local function keep(key, untl)
			  redis.call('PEXPIRE', key, str(math.ceil((untl - now) / 1000)))
			end
			""";

	/**
	 * Reserves a permit; the same decisions as {@code AccountRateLimiter.reserve}. KEYS: state, freed, queue,
	 * processes. ARGV: interval, tolerance, max wait, window, rejoin limit, process id, charge, rejoining. Returns
	 * {outcome, micros, slot, next, cause, processes, rejoining}.
	 * <p>
	 * Every reservation marks its process as seen in the processes' sorted set, which keeps a window of them. A
	 * process that comes back after the store stopped answering for it says how many processes it counted before;
	 * the state hash then holds a rejoin ({@code rejoin_since}, {@code rejoin_expect}, {@code rejoin_until}), which
	 * ends once that many processes have reserved since it began, or at its limit.
	 */
	static final RedisScript<List> RESERVE = RedisScript.of(COMMON + """
			local interval = tonumber(ARGV[1])
			local tolerance = tonumber(ARGV[2])
			local max_wait = tonumber(ARGV[3])
			local window = tonumber(ARGV[4])
			local rejoin_limit = tonumber(ARGV[5])
			local charge = tonumber(ARGV[7])
			local rejoining = tonumber(ARGV[8])
			redis.call('ZADD', KEYS[4], str(now), ARGV[6])
			redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. str(now - window))
			keep(KEYS[4], now + window)
			local processes = redis.call('ZCARD', KEYS[4])
			local state = redis.call('HMGET', KEYS[1], 'tat', 'pause_until', 'pause_cause', 'rejoin_since',
			  'rejoin_expect', 'rejoin_until')
			local tat = tonumber(state[1]) or 0
			local pause_until = tonumber(state[2]) or 0
			local rejoin_since = tonumber(state[4]) or 0
			local rejoin_expect = tonumber(state[5]) or 0
			local rejoin_until = tonumber(state[6]) or 0
			local changed = false
			if rejoining > 0 then
			  if now >= rejoin_until then
			    rejoin_since = now
			    rejoin_until = now + rejoin_limit
			    rejoin_expect = rejoining
			  else
			    rejoin_expect = math.max(rejoin_expect, rejoining)
			  end
			  changed = true
			end
			local rejoin = 0
			if now < rejoin_until then
			  if redis.call('ZCOUNT', KEYS[4], str(rejoin_since), '+inf') >= rejoin_expect then
			    rejoin_until = now
			    changed = true
			  else
			    rejoin = 1
			  end
			end
			if charge > 0 then
			  tat = math.max(tat, now) + charge * interval
			  changed = true
			end
			local function save()
			  if changed then
			    redis.call('HSET', KEYS[1], 'tat', str(tat), 'rejoin_since', str(rejoin_since), 'rejoin_expect',
			      str(rejoin_expect), 'rejoin_until', str(rejoin_until))
			    keep(KEYS[1], math.max(tat, pause_until, rejoin_until) + window)
			  end
			end
			local function next_free()
			  return math.max(0, tat - tolerance - now)
			end
			local queue = redis.call('HMGET', KEYS[3], 'until', 'cause')
			local queue_left = (tonumber(queue[1]) or 0) - now
			if queue_left > 0 then
			  save()
			  return {3, queue_left, '', next_free(), queue[2] or '', processes, rejoin}
			end
			local earliest = math.max(now, pause_until) + tolerance
			redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. str(earliest))
			local freed = redis.call('ZRANGE', KEYS[2], 0, 0)
			local slot
			if freed[1] then
			  slot = tonumber(freed[1])
			else
			  slot = math.max(tat, now)
			end
			local wait = math.max(0, slot - tolerance - now)
			local outcome = 0
			if wait > max_wait then
			  if pause_until - now > max_wait then
			    outcome = 2
			    wait = pause_until - now
			  else
			    outcome = 1
			  end
			elseif freed[1] then
			  redis.call('ZREM', KEYS[2], freed[1])
			else
			  tat = slot + interval
			  changed = true
			end
			save()
			if outcome == 0 then
			  return {0, wait, str(slot), next_free(), '', processes, rejoin}
			end
			if outcome == 2 then
			  return {2, wait, '', next_free(), state[3] or '', processes, rejoin}
			end
			return {1, wait, '', next_free(), '', processes, rejoin}
			""", List.class);

	/**
	 * Gives back a slot still ahead. KEYS: state, freed. ARGV: slot, tolerance, window.
	 */
	static final RedisScript<Long> GIVE_BACK = RedisScript.of(COMMON + """
			local slot = tonumber(ARGV[1])
			if slot - tonumber(ARGV[2]) <= now then
			  return 0
			end
			redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
			keep(KEYS[2], slot + tonumber(ARGV[3]))
			return 1
			""", Long.class);

	/**
	 * Pauses the account; a longer pause stays, and no permit goes before the pause ends. KEYS: state.
	 * ARGV: duration, cause, tolerance, window.
	 */
	static final RedisScript<Long> PAUSE_ACCOUNT = RedisScript.of(COMMON + """
			local untl = now + tonumber(ARGV[1])
			local state = redis.call('HMGET', KEYS[1], 'tat', 'pause_until', 'rejoin_until')
			local current = tonumber(state[2]) or 0
			if untl <= current then
			  return 0
			end
			local tat = math.max(tonumber(state[1]) or 0, untl + tonumber(ARGV[3]))
			redis.call('HSET', KEYS[1], 'pause_until', str(untl), 'pause_cause', ARGV[2], 'tat', str(tat))
			keep(KEYS[1], math.max(tat, tonumber(state[3]) or 0) + tonumber(ARGV[4]))
			return 1
			""", Long.class);

	/**
	 * Pauses one queue; a longer pause stays. KEYS: queue. ARGV: duration, cause.
	 */
	static final RedisScript<Long> PAUSE_QUEUE = RedisScript.of(COMMON + """
			local untl = now + tonumber(ARGV[1])
			local current = tonumber(redis.call('HGET', KEYS[1], 'until')) or 0
			if untl <= current then
			  return 0
			end
			redis.call('HSET', KEYS[1], 'until', str(untl), 'cause', ARGV[2])
			keep(KEYS[1], untl + 1000000)
			return 1
			""", Long.class);

	/**
	 * What is left of the account's pause and the queue's. KEYS: state, queue. Returns {account, queue}.
	 */
	static final RedisScript<List> PAUSES = RedisScript.of(COMMON + """
			local account = (tonumber(redis.call('HGET', KEYS[1], 'pause_until')) or 0) - now
			local queue = (tonumber(redis.call('HGET', KEYS[2], 'until')) or 0) - now
			return {math.max(0, account), math.max(0, queue)}
			""", List.class);

	private LuaScripts() {
	}

}
