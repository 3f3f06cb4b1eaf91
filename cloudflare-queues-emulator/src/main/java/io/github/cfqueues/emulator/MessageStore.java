package io.github.cfqueues.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The messages of one queue, in arrival order, with their leases. Every method is atomic.
 * <p>
 * A pull leases due messages and counts a delivery in {@code attempts}. Every lease a message was given stays
 * good for an ack until it is used or the message leaves the queue, even after its timeout and a new delivery;
 * only the latest lease may retry. A message already delivered {@link ConsumerSettings#maxDeliveries()} times
 * whose lease is retried or runs out leaves the queue as exhausted, for the caller to dead-letter; messages
 * older than the retention period are dropped.
 */
final class MessageStore {

	static final String LEASE_NOT_FOUND = "lease not found: it is unknown, was already used to acknowledge or "
			+ "retry, or its message is no longer in the queue";

	static final String LEASE_SUPERSEDED = "lease superseded: the message was delivered again under a newer "
			+ "lease; an older lease can still acknowledge it but not retry it";

	private final Clock clock;

	private final MessageHistory history;

	private final LinkedHashMap<String, StoredMessage> messagesById = new LinkedHashMap<>();

	private final Map<String, String> messageIdsByLeaseId = new HashMap<>();

	private final Map<String, List<String>> leaseIdsByMessageId = new HashMap<>();

	private final NavigableSet<LeaseExpiry> leaseExpiries = new TreeSet<>(
			Comparator.comparing(LeaseExpiry::expiresAt).thenComparing(LeaseExpiry::leaseId));

	private long backlogBytes;

	MessageStore(Clock clock, MessageHistory history) {
		this.clock = clock;
		this.history = history;
	}

	/**
	 * Stores messages; those without a delay of their own get {@code defaultDelay}.
	 */
	synchronized QueueMetrics add(List<NewMessage> batch, Duration defaultDelay) {
		Instant now = this.clock.instant();
		for (NewMessage message : batch) {
			Duration delay = (message.delay() != null) ? message.delay() : defaultDelay;
			StoredMessage stored = new StoredMessage(RandomIds.messageId(), message.contentType(), message.body(),
					now, now.plus(delay), 0, null, null);
			this.messagesById.put(stored.id(), stored);
			this.backlogBytes += stored.sizeBytes();
			this.history.received(stored);
		}
		return metrics();
	}

	synchronized QueueMetrics metrics() {
		Iterator<StoredMessage> iterator = this.messagesById.values().iterator();
		long oldest = iterator.hasNext() ? iterator.next().enqueuedAt().toEpochMilli() : 0;
		return new QueueMetrics(this.messagesById.size(), this.backlogBytes, oldest);
	}

	/**
	 * Leases due messages in arrival order.
	 */
	synchronized PullResult pull(PullOptions options, ConsumerSettings settings) {
		Instant now = this.clock.instant();
		int batchSize = options.batchSizeOr(settings);
		Instant leaseExpiry = now.plus(options.visibilityTimeoutOr(settings));
		List<StoredMessage> leased = new ArrayList<>();
		List<StoredMessage> exhausted = new ArrayList<>();
		Iterator<Map.Entry<String, StoredMessage>> entries = this.messagesById.entrySet().iterator();
		while (leased.size() < batchSize && entries.hasNext()) {
			Map.Entry<String, StoredMessage> entry = entries.next();
			StoredMessage message = entry.getValue();
			if (!message.isAvailableAt(now)) {
				continue;
			}
			if (message.attempts() >= settings.maxDeliveries()) {
				entries.remove();
				forget(message);
				exhausted.add(message);
				continue;
			}
			StoredMessage leasedMessage = message.leased(RandomIds.leaseId(), leaseExpiry);
			entry.setValue(leasedMessage);
			String leaseId = leasedMessage.leaseId();
			this.messageIdsByLeaseId.put(leaseId, message.id());
			this.leaseIdsByMessageId.computeIfAbsent(message.id(), (id) -> new ArrayList<>(1)).add(leaseId);
			this.leaseExpiries.add(new LeaseExpiry(leaseExpiry, message.id(), leaseId));
			leased.add(leasedMessage);
		}
		return new PullResult(leased, metrics(), exhausted);
	}

	synchronized AckResult acknowledge(AckRequest request, ConsumerSettings settings) {
		Instant now = this.clock.instant();
		Map<String, String> warnings = new LinkedHashMap<>();
		int acked = 0;
		for (String leaseId : request.acks()) {
			StoredMessage message = messageOfLease(leaseId);
			if (message == null) {
				warnings.put(leaseId, LEASE_NOT_FOUND);
				continue;
			}
			remove(message);
			this.history.acknowledged(message);
			acked++;
		}
		int retried = 0;
		List<StoredMessage> exhausted = new ArrayList<>();
		for (AckRequest.Retry retry : request.retries()) {
			StoredMessage message = messageOfLease(retry.leaseId());
			if (message == null) {
				warnings.put(retry.leaseId(), LEASE_NOT_FOUND);
				continue;
			}
			if (!retry.leaseId().equals(message.leaseId())) {
				warnings.put(retry.leaseId(), LEASE_SUPERSEDED);
				continue;
			}
			Duration delay = (retry.delay() != null) ? retry.delay() : settings.retryDelay();
			this.messageIdsByLeaseId.remove(retry.leaseId());
			this.leaseIdsByMessageId.get(message.id()).remove(retry.leaseId());
			forgetExpiry(message);
			this.history.retried(new RetriedMessage(message, delay, now));
			retried++;
			if (message.attempts() >= settings.maxDeliveries()) {
				remove(message);
				exhausted.add(message);
			}
			else {
				this.messagesById.put(message.id(), message.retriedAt(now.plus(delay)));
			}
		}
		return new AckResult(acked, retried, warnings, exhausted);
	}

	/**
	 * Drops the messages older than the retention period and removes, as exhausted, the messages out of
	 * deliveries whose last lease has run out.
	 * @return the exhausted messages, to dead-letter
	 */
	synchronized List<StoredMessage> expire(Duration retentionPeriod, ConsumerSettings settings) {
		Instant now = this.clock.instant();
		Iterator<StoredMessage> oldestFirst = this.messagesById.values().iterator();
		while (oldestFirst.hasNext()) {
			StoredMessage message = oldestFirst.next();
			if (message.enqueuedAt().plus(retentionPeriod).isAfter(now)) {
				break;
			}
			oldestFirst.remove();
			forget(message);
			this.history.dropped(new DroppedMessage(message, DroppedMessage.Reason.RETENTION_PERIOD_EXPIRED, now));
		}
		List<StoredMessage> exhausted = new ArrayList<>();
		while (!this.leaseExpiries.isEmpty() && !this.leaseExpiries.first().expiresAt().isAfter(now)) {
			LeaseExpiry expiry = this.leaseExpiries.pollFirst();
			StoredMessage message = this.messagesById.get(expiry.messageId());
			if (message != null && expiry.leaseId().equals(message.leaseId())
					&& message.attempts() >= settings.maxDeliveries()) {
				remove(message);
				exhausted.add(message);
			}
		}
		return exhausted;
	}

	synchronized List<StoredMessage> messages() {
		return List.copyOf(this.messagesById.values());
	}

	/**
	 * Removes every message and forgets every lease.
	 */
	synchronized void clear() {
		this.messagesById.clear();
		this.messageIdsByLeaseId.clear();
		this.leaseIdsByMessageId.clear();
		this.leaseExpiries.clear();
		this.backlogBytes = 0;
	}

	private @Nullable StoredMessage messageOfLease(String leaseId) {
		String messageId = this.messageIdsByLeaseId.get(leaseId);
		return (messageId != null) ? this.messagesById.get(messageId) : null;
	}

	private void remove(StoredMessage message) {
		this.messagesById.remove(message.id());
		forget(message);
	}

	/**
	 * Forgets the leases and bytes of a message already taken out of {@code messagesById}.
	 */
	private void forget(StoredMessage message) {
		this.backlogBytes -= message.sizeBytes();
		forgetExpiry(message);
		List<String> leaseIds = this.leaseIdsByMessageId.remove(message.id());
		if (leaseIds != null) {
			leaseIds.forEach(this.messageIdsByLeaseId::remove);
		}
	}

	/**
	 * Forgets when the latest lease of a message runs out; earlier leases have run out already.
	 */
	private void forgetExpiry(StoredMessage message) {
		if (message.leaseId() != null && message.leaseExpiresAt() != null) {
			this.leaseExpiries.remove(new LeaseExpiry(message.leaseExpiresAt(), message.id(), message.leaseId()));
		}
	}

	private record LeaseExpiry(Instant expiresAt, String messageId, String leaseId) {
	}

}
