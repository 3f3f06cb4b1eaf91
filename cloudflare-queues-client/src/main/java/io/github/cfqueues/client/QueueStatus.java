package io.github.cfqueues.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A queue as this client last saw it, from the answers it already received: no request is made to learn it. For
 * health checks and metrics; it never holds a credential.
 *
 * @param queueName the queue's name in the application
 * @param backlog the backlog Cloudflare last reported in any answer (push, batch push, pull or metrics), empty when
 * none did
 * @param backlogReportedAt when that answer arrived, or {@code null}
 * @param lastSuccessAt when a request to the queue last succeeded, or {@code null}
 * @param lastFailure the last request that failed, or {@code null}
 * @param refused whether the last answer refused the credentials or knew no such queue (or account), with no success
 * since: waiting will not help
 * @param accountPausedUntil until when the queue's account is paused after an account-wide 429 from Cloudflare, or
 * {@code null} when it is not paused
 */
public record QueueStatus(String queueName, QueueMetrics backlog, @Nullable Instant backlogReportedAt,
		@Nullable Instant lastSuccessAt, @Nullable Failure lastFailure, boolean refused,
		@Nullable Instant accountPausedUntil) {

	public QueueStatus {
		Objects.requireNonNull(queueName, "queueName must not be null");
		Objects.requireNonNull(backlog, "backlog must not be null");
	}

	/**
	 * The state of a queue the client has not sent anything to.
	 * @param queueName the queue's name
	 * @return the state
	 */
	public static QueueStatus unknown(String queueName) {
		return new QueueStatus(queueName, QueueMetrics.none(), null, null, null, false, null);
	}

	/**
	 * A request that failed: what Cloudflare answered, or that no answer came.
	 *
	 * @param at when the failure arrived
	 * @param operation the operation, for example {@code push}
	 * @param type the simple name of the exception, for example {@code QueueAuthenticationException}
	 * @param httpStatus the HTTP status, {@code 0} when no answer came
	 * @param errorCodes Cloudflare's error codes, in the order of the answer
	 * @param cfRay the {@code cf-ray} header of the answer, or {@code null}
	 */
	public record Failure(Instant at, String operation, String type, int httpStatus, List<Integer> errorCodes,
			@Nullable String cfRay) {

		public Failure {
			Objects.requireNonNull(at, "at must not be null");
			Objects.requireNonNull(operation, "operation must not be null");
			Objects.requireNonNull(type, "type must not be null");
			errorCodes = List.copyOf(errorCodes);
		}

	}

}
