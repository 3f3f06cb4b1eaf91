package io.github.cfqueues.client.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.api.EncodedMessage;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

/**
 * The messages gathered for one batch request, each with the sink of its caller's {@code Mono}.
 */
final class OpenBatch {

	private final List<EncodedMessage> messages = new ArrayList<>();

	private final List<MonoSink<MessagePushResponse>> callers = new ArrayList<>();

	private final Sinks.Empty<Void> answered = Sinks.empty();

	private long bytes;

	private Disposable timer = () -> {
	};

	private Disposable request = () -> {
	};

	private final AtomicBoolean settled = new AtomicBoolean();

	void add(EncodedMessage message, MonoSink<MessagePushResponse> caller) {
		this.messages.add(message);
		this.callers.add(caller);
		this.bytes += message.size();
	}

	int count() {
		return this.messages.size();
	}

	long bytes() {
		return this.bytes;
	}

	boolean isEmpty() {
		return this.messages.isEmpty();
	}

	List<EncodedMessage> messages() {
		return this.messages;
	}

	void timer(Disposable timer) {
		this.timer = timer;
	}

	void cancelTimer() {
		this.timer.dispose();
	}

	void request(Disposable request) {
		this.request = request;
	}

	void cancelRequest() {
		this.request.dispose();
	}

	/**
	 * Marks the batch as done with, once: by its answer or by the shutdown timeout, whichever comes first.
	 * @return {@code true} the first time only
	 */
	boolean settle() {
		return this.settled.compareAndSet(false, true);
	}

	/**
	 * Completes every caller with the batch's answer.
	 * @param response the answer
	 */
	void succeed(MessagePushResponse response) {
		this.callers.forEach((caller) -> caller.success(response));
		this.answered.tryEmitEmpty();
	}

	/**
	 * Fails every caller with the batch's error.
	 * @param error the error, a {@link CloudflareQueuesException} unless something unforeseen broke
	 */
	void fail(Throwable error) {
		this.callers.forEach((caller) -> caller.error(error));
		this.answered.tryEmitEmpty();
	}

	/**
	 * Completes when every caller has its answer or its error.
	 * @return the completion
	 */
	Mono<Void> whenAnswered() {
		return this.answered.asMono();
	}

}
