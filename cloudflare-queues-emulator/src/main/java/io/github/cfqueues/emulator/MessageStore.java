package io.github.cfqueues.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The messages of one queue, in arrival order, with their leases. Every method is atomic.
 */
final class MessageStore {

	static final String LEASE_NOT_FOUND = "lease not found: it is unknown, was already acknowledged or retried, "
			+ "or expired and the message was delivered again";

	private final QueueAddress address;

	private final Clock clock;

	private final LinkedHashMap<String, StoredMessage> messagesById = new LinkedHashMap<>();

	private final Map<String, String> messageIdsByLeaseId = new HashMap<>();

	private long backlogBytes;

	MessageStore(QueueAddress address, Clock clock) {
		this.address = address;
		this.clock = clock;
	}

	QueueAddress address() {
		return this.address;
	}

	synchronized QueueMetrics add(List<NewMessage> batch) {
		Instant now = this.clock.instant();
		for (NewMessage message : batch) {
			StoredMessage stored = new StoredMessage(RandomIds.messageId(), message.contentType(), message.body(),
					now, now.plus(message.delay()), 0, null, null);
			this.messagesById.put(stored.id(), stored);
			this.backlogBytes += stored.sizeBytes();
		}
		return metrics();
	}

	synchronized QueueMetrics metrics() {
		Iterator<StoredMessage> iterator = this.messagesById.values().iterator();
		long oldest = iterator.hasNext() ? iterator.next().enqueuedAt().toEpochMilli() : 0;
		return new QueueMetrics(this.messagesById.size(), this.backlogBytes, oldest);
	}

	synchronized PullResult pull(PullOptions options) {
		Instant now = this.clock.instant();
		Instant leaseExpiry = now.plus(options.visibilityTimeout());
		List<StoredMessage> leased = new ArrayList<>();
		for (Map.Entry<String, StoredMessage> entry : this.messagesById.entrySet()) {
			if (leased.size() == options.batchSize()) {
				break;
			}
			StoredMessage message = entry.getValue();
			if (message.isAvailableAt(now)) {
				if (message.leaseId() != null) {
					this.messageIdsByLeaseId.remove(message.leaseId());
				}
				StoredMessage leasedMessage = message.leased(RandomIds.leaseId(), leaseExpiry);
				entry.setValue(leasedMessage);
				this.messageIdsByLeaseId.put(leasedMessage.leaseId(), leasedMessage.id());
				leased.add(leasedMessage);
			}
		}
		return new PullResult(leased, metrics());
	}

	synchronized AckResult acknowledge(AckRequest request) {
		Instant now = this.clock.instant();
		Map<String, String> warnings = new LinkedHashMap<>();
		int acked = 0;
		for (String leaseId : request.acks()) {
			StoredMessage message = releaseLease(leaseId);
			if (message == null) {
				warnings.put(leaseId, LEASE_NOT_FOUND);
			}
			else {
				this.messagesById.remove(message.id());
				this.backlogBytes -= message.sizeBytes();
				acked++;
			}
		}
		int retried = 0;
		for (AckRequest.Retry retry : request.retries()) {
			StoredMessage message = releaseLease(retry.leaseId());
			if (message == null) {
				warnings.put(retry.leaseId(), LEASE_NOT_FOUND);
			}
			else {
				this.messagesById.put(message.id(), message.retriedAt(now.plus(retry.delay())));
				retried++;
			}
		}
		return new AckResult(acked, retried, warnings);
	}

	synchronized List<StoredMessage> messages() {
		return List.copyOf(this.messagesById.values());
	}

	synchronized void clear() {
		this.messagesById.clear();
		this.messageIdsByLeaseId.clear();
		this.backlogBytes = 0;
	}

	private @Nullable StoredMessage releaseLease(String leaseId) {
		String messageId = this.messageIdsByLeaseId.remove(leaseId);
		return (messageId != null) ? this.messagesById.get(messageId) : null;
	}

}
