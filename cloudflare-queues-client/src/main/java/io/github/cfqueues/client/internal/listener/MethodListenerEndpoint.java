package io.github.cfqueues.client.internal.listener;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.listener.Acknowledgement;
import io.github.cfqueues.client.listener.AcknowledgementMode;
import io.github.cfqueues.client.listener.ListenerSettings;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * A {@code @QueueListener} method as a listener: each parameter is resolved from the message (or from the batch, for
 * a {@code List} parameter), the method is called, and its {@code void}, {@code Mono} or {@code CompletableFuture}
 * result becomes the handling's completion. The method's signature is checked once, when the endpoint is made.
 */
public final class MethodListenerEndpoint implements QueueListenerEndpoint {

	private final String id;

	private final String queueName;

	private final Object bean;

	private final Method method;

	private final List<Function<List<ReceivedMessage>, @Nullable Object>> arguments;

	private final boolean batch;

	private final boolean settles;

	private final Function<@Nullable Object, Mono<Void>> result;

	private final Overrides overrides;

	/**
	 * Makes the endpoint of a method.
	 * @param id the container's id
	 * @param queueName the queue's name
	 * @param bean the bean the method is called on
	 * @param method the method
	 * @param overrides what the listener sets apart from its queue's settings
	 * @throws IllegalArgumentException if the method's parameters or return type are not ones a listener may have;
	 * the message names the method and says what is allowed
	 */
	public MethodListenerEndpoint(String id, String queueName, Object bean, Method method, Overrides overrides) {
		this.id = id;
		this.queueName = queueName;
		this.bean = bean;
		this.method = method;
		this.overrides = overrides;
		this.batch = hasListParameter(method);
		this.arguments = new ArrayList<>();
		boolean payload = false;
		boolean settles = false;
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			Class<?> type = parameter.getParameterType();
			if (type == ReceivedMessage.class && !this.batch) {
				this.arguments.add((messages) -> messages.get(0));
				settles = true;
			}
			else if (type == Acknowledgement.class && !this.batch) {
				this.arguments.add((messages) -> acknowledgement(messages.get(0)));
				settles = true;
			}
			else if (payload || type == ReceivedMessage.class || type == Acknowledgement.class) {
				throw invalid("takes more than one payload, or a message or acknowledgement beside a List");
			}
			else {
				payload = true;
				this.arguments.add(this.batch ? batchPayload(parameter) : payload(ResolvableType.forMethodParameter(
						parameter)));
				settles = settles || (this.batch && isMessageList(parameter));
			}
		}
		this.settles = settles;
		if (this.arguments.isEmpty()) {
			throw invalid("takes no parameter");
		}
		this.result = result(method.getReturnType());
		ReflectionUtils.makeAccessible(method);
	}

	private static boolean hasListParameter(Method method) {
		for (Class<?> type : method.getParameterTypes()) {
			if (type == List.class) {
				return true;
			}
		}
		return false;
	}

	private static ResolvableType element(MethodParameter parameter) {
		return ResolvableType.forMethodParameter(parameter).asCollection().getGeneric(0);
	}

	private static boolean isMessageList(MethodParameter parameter) {
		return element(parameter).resolve() == ReceivedMessage.class;
	}

	private Function<List<ReceivedMessage>, @Nullable Object> batchPayload(MethodParameter parameter) {
		ResolvableType element = element(parameter);
		if (element.resolve() == ReceivedMessage.class) {
			return (messages) -> messages;
		}
		Function<List<ReceivedMessage>, @Nullable Object> single = payload(element);
		return (messages) -> {
			List<@Nullable Object> payloads = new ArrayList<>(messages.size());
			for (ReceivedMessage message : messages) {
				payloads.add(single.apply(List.of(message)));
			}
			return payloads;
		};
	}

	private static Function<List<ReceivedMessage>, @Nullable Object> payload(ResolvableType type) {
		if (type.resolve() == String.class) {
			return (messages) -> messages.get(0).bodyAsText();
		}
		Type target = type.getType();
		ParameterizedTypeReference<Object> reference = ParameterizedTypeReference.forType(target);
		return (messages) -> messages.get(0).bodyAs(reference);
	}

	private Function<@Nullable Object, Mono<Void>> result(Class<?> returnType) {
		if (returnType == void.class || returnType == Void.class) {
			return (value) -> Mono.empty();
		}
		if (Mono.class.isAssignableFrom(returnType)) {
			return (value) -> (value != null) ? ((Mono<?>) value).then() : Mono.empty();
		}
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			return (value) -> (value != null) ? Mono.fromCompletionStage((CompletionStage<?>) value).then()
					: Mono.empty();
		}
		throw invalid("returns " + returnType.getName());
	}

	private IllegalArgumentException invalid(String problem) {
		return new IllegalArgumentException("@QueueListener method " + this.method + " " + problem + ". A listener "
				+ "method takes the payload, a String, the ReceivedMessage, an Acknowledgement, or the payload with "
				+ "one of the last two, or a List of payloads or of ReceivedMessages; it returns void, a Mono or a "
				+ "CompletableFuture");
	}

	private static Acknowledgement acknowledgement(ReceivedMessage message) {
		return new Acknowledgement() {

			@Override
			public Mono<Void> ack() {
				return message.ack();
			}

			@Override
			public Mono<Void> retry(Duration delay) {
				return message.retry(delay);
			}

		};
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String queueName() {
		return this.queueName;
	}

	@Override
	public boolean isBatch() {
		return this.batch;
	}

	@Override
	public ListenerSettings settings(ListenerSettings queueSettings) {
		ListenerSettings.Builder settings = queueSettings.toBuilder();
		if (this.overrides.acknowledgementMode() != null) {
			settings.acknowledgementMode(this.overrides.acknowledgementMode());
		}
		if (this.overrides.concurrency() != null) {
			settings.concurrency(this.overrides.concurrency());
		}
		if (this.overrides.autoStartup() != null) {
			settings.autoStartup(this.overrides.autoStartup());
		}
		ListenerSettings built = settings.build();
		if (built.acknowledgementMode() == AcknowledgementMode.MANUAL && !this.settles) {
			throw new IllegalArgumentException("@QueueListener method " + this.method + " acknowledges manually but "
					+ "takes neither an Acknowledgement nor a ReceivedMessage, so it can never settle a message: each "
					+ "would come back after its lease, again and again. Add an Acknowledgement or ReceivedMessage "
					+ "parameter (a List of ReceivedMessages for a batch), or choose the acknowledgement mode "
					+ "on-success or always");
		}
		return built;
	}

	@Override
	public Mono<Void> handle(List<ReceivedMessage> messages) {
		Object[] values = new Object[this.arguments.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.arguments.get(i).apply(messages);
		}
		Object returned;
		try {
			returned = this.method.invoke(this.bean, values);
		}
		catch (InvocationTargetException ex) {
			return Mono.error(ex.getTargetException());
		}
		catch (IllegalAccessException ex) {
			return Mono.error(ex);
		}
		return this.result.apply(returned);
	}

	@Override
	public String toString() {
		return "QueueListenerEndpoint[id=" + this.id + ", queue=" + this.queueName + ", method=" + this.method + "]";
	}

	/**
	 * What a listener sets apart from its queue's settings.
	 *
	 * @param acknowledgementMode the mode, or {@code null} for the queue's
	 * @param concurrency the concurrency, or {@code null} for the queue's
	 * @param autoStartup whether to start with the application, or {@code null} for the queue's
	 */
	public record Overrides(@Nullable AcknowledgementMode acknowledgementMode, @Nullable Integer concurrency,
			@Nullable Boolean autoStartup) {
	}

}
