package io.github.cfqueues.client.internal.publish;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.internal.api.EncodedMessage;
import reactor.core.publisher.MonoSink;

/**
 * One pushed message on its way through a batching publisher, with the sink of its caller's {@code Mono}. Its
 * {@link State state} changes only under the publisher's lock.
 */
final class Entry {

	final EncodedMessage message;

	final MonoSink<MessagePushResponse> caller;

	State state = State.NEW;

	long sequence;

	long gatheredAt;

	Entry(EncodedMessage message, MonoSink<MessagePushResponse> caller) {
		this.message = message;
		this.caller = caller;
	}

	long size() {
		return this.message.size();
	}

	enum State {

		/**
		 * Waiting for flow-control room.
		 */
		NEW,

		/**
		 * Gathered, in no request yet: a cancellation withdraws it.
		 */
		PENDING,

		/**
		 * In a batch that was sent: its caller learns the outcome, unless it cancelled.
		 */
		SEALED,

		/**
		 * Answered, failed, or withdrawn: its room is released.
		 */
		DONE

	}

}
