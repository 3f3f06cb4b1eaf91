package io.github.cfqueues.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.cfqueues.client.error.MessageAckException;
import io.github.cfqueues.client.error.MessageConversionException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A message leased by {@link QueueConsumer#pull()}: what it holds, and how to settle it. Settle it once, with
 * {@link #ack()} or {@link #retry(Duration)}, before {@link #leaseExpiresAt()}; a second settlement fails before any
 * request. A message left unsettled is delivered again after its lease.
 */
public interface ReceivedMessage {

	/**
	 * Cloudflare's id of the message.
	 * @return the id
	 */
	String id();

	/**
	 * The name of the queue it came from in the application.
	 * @return the queue's name
	 */
	String queueName();

	/**
	 * How many times the message has been delivered, this time included.
	 * @return the count, from 1
	 */
	int attempts();

	/**
	 * When the message was written to the queue.
	 * @return the time, or {@code null} when Cloudflare did not say
	 */
	@Nullable Instant timestamp();

	/**
	 * The lease of this delivery.
	 * @return the lease id
	 */
	String leaseId();

	/**
	 * When the lease ends at the latest: the time the pull was sent plus its visibility timeout. After it, the
	 * message may already be delivered again, and an acknowledgement may act on that delivery.
	 * @return the time
	 */
	Instant leaseExpiresAt();

	/**
	 * The content type, when it is one the HTTP API carries.
	 * @return {@code TEXT} or {@code JSON}, or {@code null} for a type only Workers produce (see
	 * {@link #contentTypeName()})
	 */
	@Nullable MessageContentType contentType();

	/**
	 * The content type as Cloudflare names it: {@code text}, {@code json}, or {@code bytes} or {@code v8} for
	 * messages sent by Workers.
	 * @return the name, empty when Cloudflare sent none
	 */
	String contentTypeName();

	/**
	 * The message's metadata as Cloudflare sent it.
	 * @return the metadata
	 */
	Map<String, String> metadata();

	/**
	 * The body as text: the text itself for a {@code text} message, the JSON text of a {@code json} one, and the
	 * payload's bytes read as UTF-8 otherwise.
	 * @return the text
	 * @throws MessageConversionException if the body is not valid base64
	 */
	String bodyAsText();

	/**
	 * The body's bytes: the UTF-8 bytes of a {@code text} message, the decoded payload of any other.
	 * @return the bytes, a copy
	 * @throws MessageConversionException if the body is not valid base64
	 */
	byte[] bodyAsBytes();

	/**
	 * The body read as a type by the application's JSON mapper; a {@code text} message read as a {@code String}
	 * is its text.
	 * @param type the type
	 * @param <T> the type
	 * @return the value
	 * @throws MessageConversionException if the body cannot be read as that type; names the message and the type
	 */
	<T> T bodyAs(Class<T> type);

	/**
	 * The body read as a generic type by the application's JSON mapper.
	 * @param type the type, for example {@code new ParameterizedTypeReference<List<Order>>() {}}
	 * @param <T> the type
	 * @return the value
	 * @throws MessageConversionException if the body cannot be read as that type; names the message and the type
	 */
	<T> T bodyAs(ParameterizedTypeReference<T> type);

	/**
	 * Acknowledges the message: it is removed from the queue. Gathered with other settlements into as few requests
	 * as possible; completes when Cloudflare confirmed it. Cancelling the {@code Mono} does not withdraw it.
	 * @return completes when confirmed; fails with a {@link MessageAckException} when Cloudflare warned about the
	 * lease or the request failed for good (the message then comes back after its lease)
	 */
	Mono<Void> ack();

	/**
	 * Asks for the message to be delivered again after the queue's consumer {@code retry_delay}.
	 * @return completes when confirmed, as for {@link #ack()}
	 */
	Mono<Void> retry();

	/**
	 * Asks for the message to be delivered again after a delay.
	 * @param delay whole seconds from 0 to 24 hours
	 * @return completes when confirmed, as for {@link #ack()}
	 * @throws IllegalArgumentException if the delay is negative, longer than 24 hours or not whole seconds
	 */
	Mono<Void> retry(Duration delay);

}
