package io.github.cfqueues.client.internal.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where the rate limit of an account lives when every process of the account shares it: the schedule of permits
 * (the same GCRA as {@link AccountRateLimiter}), the slots given back, and the pauses after Cloudflare's 429s. Each
 * operation is atomic on the store's side and reads the store's clock, so processes need no synchronized clocks.
 * Times are microseconds, relative to the store's now.
 */
public interface SharedLimitStore {

	/**
	 * Takes the next permit of an account for a request to one of its queues, unless the queue or the account is
	 * paused for longer than the request may wait, or the permit is further away than that.
	 * @param accountId the account
	 * @param queueId the queue the request is for
	 * @param schedule the account's schedule, as this process is configured
	 * @param requester who asks, and what it brings back from a time on its fallback
	 * @return the outcome
	 */
	Mono<Reservation> reserve(String accountId, String queueId, Schedule schedule, Requester requester);

	/**
	 * Gives back the slot of a request cancelled before its permit came, so that the next request takes it.
	 * @param accountId the account
	 * @param slot the slot, as {@link Reservation#slot()} named it
	 * @param schedule the account's schedule
	 * @return completes when the store has it
	 */
	Mono<Void> giveBack(String accountId, String slot, Schedule schedule);

	/**
	 * Pauses every request of the account, in every process, after an account-wide 429; a longer pause already in
	 * force stays.
	 * @param accountId the account
	 * @param duration how long
	 * @param cause what caused it, for the refusals of other processes (never a credential)
	 * @param schedule the account's schedule
	 * @return completes when the store has it
	 */
	Mono<Void> pauseAccount(String accountId, Duration duration, String cause, Schedule schedule);

	/**
	 * Pauses the requests of one queue, in every process, after Cloudflare answered that it is overloaded.
	 * @param accountId the queue's account
	 * @param queueId the queue
	 * @param duration how long
	 * @param cause what caused it
	 * @return completes when the store has it
	 */
	Mono<Void> pauseQueue(String accountId, String queueId, Duration duration, String cause);

	/**
	 * How much is left of the account's pause and of the queue's.
	 * @param accountId the account
	 * @param queueId the queue
	 * @return the pauses
	 */
	Mono<Pauses> pauses(String accountId, String queueId);

	/**
	 * Whether the store answers.
	 * @return completes when it does
	 */
	Mono<Void> ping();

	/**
	 * An account's schedule in the store's units.
	 *
	 * @param intervalMicros the spacing between permits, rounded up
	 * @param toleranceMicros how far ahead of its slot a permit may go: {@code (burst - 1) × interval}
	 * @param maxWaitMicros the longest wait a reservation may take
	 * @param windowMicros the limit's window, for how long the store keeps an idle account's state and counts a
	 * process as one of the account's
	 * @param rejoinMicros the longest the processes of an account pace themselves at their fallback share after one
	 * of them came back to the store, waiting for the others to come back too
	 */
	record Schedule(long intervalMicros, long toleranceMicros, long maxWaitMicros, long windowMicros,
			long rejoinMicros) {
	}

	/**
	 * The process that asks for a permit.
	 *
	 * @param id the process's id, the same for all its reservations (never a credential)
	 * @param charge permits this process gave itself while the store was unreachable, to add to the schedule first
	 * @param rejoining on the first reservation after the store answers again: how many processes the store counted
	 * before it stopped answering, which the account waits for before it leaves the fallback pacing; else 0
	 */
	record Requester(String id, int charge, int rejoining) {
	}

	/**
	 * What {@link #reserve} decided.
	 *
	 * @param outcome the decision
	 * @param waitMicros granted: how long to wait for the slot; refused or paused: how long the wait would be
	 * @param slot granted: the slot, to {@link #giveBack give back}; else empty
	 * @param nextMicros when the schedule's next free permit is, after this decision
	 * @param cause paused: what the pause's 429 said; else empty
	 * @param processes how many processes asked for a permit of the account within the last window, this one among
	 * them
	 * @param rejoining whether the account's processes are coming back to the store after it stopped answering: until
	 * they all are, or the schedule's {@code rejoinMicros} have passed, each paces itself at its fallback share as
	 * well, since those still on their fallback take permits the store cannot see
	 */
	record Reservation(Outcome outcome, long waitMicros, String slot, long nextMicros, String cause, int processes,
			boolean rejoining) {
	}

	/**
	 * The decisions of {@link #reserve}.
	 */
	enum Outcome {

		/**
		 * The permit is the request's after {@link Reservation#waitMicros()}.
		 */
		GRANTED,

		/**
		 * The next permit is further away than the longest wait; none was taken.
		 */
		PACED,

		/**
		 * The account is paused for longer than the longest wait; no permit was taken.
		 */
		ACCOUNT_PAUSED,

		/**
		 * The queue is paused for {@link Reservation#waitMicros()}; no permit was taken.
		 */
		QUEUE_PAUSED

	}

	/**
	 * What is left of the pauses of an account and a queue.
	 *
	 * @param accountMicros the account's, 0 when not paused
	 * @param queueMicros the queue's, 0 when not paused
	 */
	record Pauses(long accountMicros, long queueMicros) {

		/**
		 * Whether either is paused.
		 * @return {@code true} when a request must wait
		 */
		public boolean any() {
			return this.accountMicros > 0 || this.queueMicros > 0;
		}

	}

}
