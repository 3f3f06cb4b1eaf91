package io.github.cfqueues.client.internal.consume;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cfqueues.client.MessageContentType;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.error.FailureDetails;
import io.github.cfqueues.client.error.MessageConversionException;
import io.github.cfqueues.client.internal.api.PulledMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A message as one pull leased it. Its body is decoded on demand; its first settlement wins, and any later one fails
 * before a request.
 */
final class LeasedMessage implements ReceivedMessage {

	private final PulledMessage pulled;

	private final Instant leaseExpiresAt;

	private final DefaultQueueConsumer consumer;

	private final AtomicReference<@Nullable String> settledBy = new AtomicReference<>();

	LeasedMessage(PulledMessage pulled, Instant leaseExpiresAt, DefaultQueueConsumer consumer) {
		this.pulled = pulled;
		this.leaseExpiresAt = leaseExpiresAt;
		this.consumer = consumer;
	}

	@Override
	public String id() {
		return this.pulled.id();
	}

	@Override
	public String queueName() {
		return this.consumer.queueName();
	}

	@Override
	public int attempts() {
		return this.pulled.attempts();
	}

	@Override
	public @Nullable Instant timestamp() {
		return this.pulled.timestamp();
	}

	@Override
	public String leaseId() {
		return this.pulled.leaseId();
	}

	@Override
	public Instant leaseExpiresAt() {
		return this.leaseExpiresAt;
	}

	@Override
	public @Nullable MessageContentType contentType() {
		for (MessageContentType type : MessageContentType.values()) {
			if (type.wireName().equals(this.pulled.contentType())) {
				return type;
			}
		}
		return null;
	}

	@Override
	public String contentTypeName() {
		return this.pulled.contentType();
	}

	@Override
	public Map<String, String> metadata() {
		return this.pulled.metadata();
	}

	@Override
	public String bodyAsText() {
		return isText() ? this.pulled.body() : new String(decoded(null), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] bodyAsBytes() {
		return isText() ? this.pulled.body().getBytes(StandardCharsets.UTF_8) : decoded(null);
	}

	@Override
	public <T> T bodyAs(Class<T> type) {
		if (type == String.class && isText()) {
			return type.cast(this.pulled.body());
		}
		return read(type);
	}

	@Override
	public <T> T bodyAs(ParameterizedTypeReference<T> type) {
		return read(type.getType());
	}

	private <T> T read(Type type) {
		if ("v8".equals(this.pulled.contentType())) {
			throw conversionFailure(type, "its body is a V8-serialized value, which only a Worker can read", null);
		}
		byte[] json = isText() ? this.pulled.body().getBytes(StandardCharsets.UTF_8) : decoded(type);
		try {
			return this.consumer.serializer().deserialize(json, type);
		}
		catch (RuntimeException ex) {
			throw conversionFailure(type, ex.getMessage(), ex);
		}
	}

	private boolean isText() {
		return MessageContentType.TEXT.wireName().equals(this.pulled.contentType());
	}

	private byte[] decoded(@Nullable Type type) {
		try {
			return Base64.getDecoder().decode(this.pulled.body());
		}
		catch (IllegalArgumentException ex) {
			throw conversionFailure(type, "its body is not valid base64 (" + ex.getMessage() + ")", ex);
		}
	}

	private MessageConversionException conversionFailure(@Nullable Type type, @Nullable String reason,
			@Nullable Throwable cause) {
		String target = (type != null) ? " as " + type.getTypeName() : "";
		return new MessageConversionException("Message " + id() + " (content type '" + this.pulled.contentType()
				+ "') could not be read" + target + ": " + reason, FailureDetails.noResponse("receive", queueName(),
						this.consumer.queueId()), id(), type, cause);
	}

	@Override
	public Mono<Void> ack() {
		return settle("acknowledged", false, null);
	}

	@Override
	public Mono<Void> retry() {
		return settle("retried", true, null);
	}

	@Override
	public Mono<Void> retry(Duration delay) {
		QueueMessage.checkDelay(delay, "The retry delay");
		return settle("retried", true, delay);
	}

	private Mono<Void> settle(String how, boolean retry, @Nullable Duration delay) {
		return Mono.defer(() -> {
			String earlier = this.settledBy.compareAndExchange(null, how);
			if (earlier != null) {
				return Mono.error(new IllegalStateException("Message " + id() + " (lease " + leaseId()
						+ ") was already " + earlier + "; a leased message is settled once"));
			}
			return this.consumer.settle(id(), leaseId(), retry, delay, this.leaseExpiresAt);
		});
	}

	@Override
	public String toString() {
		return "ReceivedMessage[id=" + id() + ", queue=" + queueName() + ", attempts=" + attempts() + ", contentType="
				+ contentTypeName() + ", leaseExpiresAt=" + this.leaseExpiresAt + "]";
	}

}
