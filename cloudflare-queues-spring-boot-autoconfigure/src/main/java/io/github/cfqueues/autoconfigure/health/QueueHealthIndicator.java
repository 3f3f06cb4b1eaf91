package io.github.cfqueues.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.QueueStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One queue's health, from what the client last saw: DOWN while the last answer refused the credentials or knew no
 * such queue, until a request succeeds; otherwise UP, or UNKNOWN when the active check (if on) got no answer. The
 * details say when the account is paused, the last failure and the backlog last reported; never a credential.
 */
final class QueueHealthIndicator implements HealthIndicator {

	private final CloudflareQueuesClient client;

	private final String queueName;

	private final @Nullable ActiveQueueCheck active;

	QueueHealthIndicator(CloudflareQueuesClient client, String queueName, @Nullable ActiveQueueCheck active) {
		this.client = client;
		this.queueName = queueName;
		this.active = active;
	}

	@Override
	public Health health() {
		ActiveQueueCheck.Outcome checked = (this.active != null) ? this.active.check() : null;
		QueueStatus status = this.client.status(this.queueName);
		Health.Builder health = status.refused() ? Health.down()
				: (checked != null && !checked.succeeded()) ? Health.unknown() : Health.up();
		if (status.accountPausedUntil() != null) {
			health.withDetail("accountPausedUntil", status.accountPausedUntil().toString());
		}
		if (status.lastSuccessAt() != null) {
			health.withDetail("lastSuccessAt", status.lastSuccessAt().toString());
		}
		if (status.lastFailure() != null) {
			health.withDetail("lastFailure", failure(status.lastFailure()));
		}
		if (status.backlog().isKnown()) {
			health.withDetail("backlog", backlog(status.backlog(), status));
		}
		if (checked != null) {
			health.withDetail("check", check(checked));
		}
		return health.build();
	}

	private static Map<String, Object> failure(QueueStatus.Failure failure) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("at", failure.at().toString());
		details.put("operation", failure.operation());
		details.put("type", failure.type());
		details.put("httpStatus", failure.httpStatus());
		details.put("errorCodes", failure.errorCodes());
		if (failure.cfRay() != null) {
			details.put("cfRay", failure.cfRay());
		}
		return details;
	}

	private static Map<String, Object> backlog(QueueMetrics backlog, QueueStatus status) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (backlog.backlogCount() != null) {
			details.put("messages", backlog.backlogCount());
		}
		if (backlog.backlogBytes() != null) {
			details.put("bytes", backlog.backlogBytes());
		}
		if (backlog.oldestMessageTimestamp() != null) {
			details.put("oldestMessage", backlog.oldestMessageTimestamp().toString());
		}
		if (status.backlogReportedAt() != null) {
			details.put("reportedAt", status.backlogReportedAt().toString());
		}
		return details;
	}

	private static Map<String, Object> check(ActiveQueueCheck.Outcome outcome) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("at", outcome.at().toString());
		details.put("outcome", outcome.succeeded() ? "answered" : outcome.failure());
		return details;
	}

}
