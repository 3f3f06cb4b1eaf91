package io.github.cfqueues.client.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.cfqueues.client.internal.listener.QueueListenerReflectiveProcessor;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as the handler of a configured queue's messages: a container pulls them, calls the method with
 * bounded concurrency, and settles each message by the {@link AcknowledgementMode}.
 * <p>
 * The method takes the payload (any type, read by the application's JSON mapper), a {@code String} (the body as
 * text), the {@link io.github.cfqueues.client.ReceivedMessage}, an {@link Acknowledgement}, or the payload with
 * either of the last two; or a {@code List} of payloads or of messages to receive each pulled batch at once. It
 * returns {@code void}, a {@code Mono} or a {@code CompletableFuture}; an exception or an error is a failure.
 * <pre>{@code
 * @QueueListener("orders")
 * void placed(Order order) {
 *     warehouse.ship(order);
 * }
 * }</pre>
 * In a native image, the method and its payload type are registered for reflection ahead of time.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(QueueListenerReflectiveProcessor.class)
public @interface QueueListener {

	/**
	 * The queue's name in {@code cloudflare.queues.*} ({@code default} for the top-level queue). An unknown name
	 * fails the startup.
	 * @return the queue's name
	 */
	String value();

	/**
	 * The id of the listener's container, for starting and stopping it by hand; by default
	 * {@code <bean name>.<method name>}.
	 * @return the id, empty for the default
	 */
	String id() default "";

	/**
	 * When messages are acknowledged, overriding the queue's {@code consumer.acknowledgement-mode}.
	 * @return the mode, empty for the queue's
	 */
	String acknowledgementMode() default "";

	/**
	 * How many messages (or batches, for a {@code List} handler) are handled at once, overriding the queue's
	 * {@code consumer.concurrency}; may be a {@code ${...}} placeholder.
	 * @return the concurrency, empty for the queue's
	 */
	String concurrency() default "";

	/**
	 * Whether the container starts with the application, overriding the queue's {@code consumer.auto-startup}; may
	 * be a {@code ${...}} placeholder.
	 * @return {@code true} or {@code false}, empty for the queue's
	 */
	String autoStartup() default "";

}
