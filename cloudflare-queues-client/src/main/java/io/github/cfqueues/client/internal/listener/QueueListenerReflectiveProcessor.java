package io.github.cfqueues.client.internal.listener;

import java.lang.reflect.Method;
import java.util.List;

import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.listener.Acknowledgement;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.SimpleReflectiveProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * What a native image needs to run a {@code @QueueListener} method: the method, invoked reflectively by
 * {@link MethodListenerEndpoint}, and the payload types the application's JSON mapper reads message bodies into (the
 * element type, for a {@code List} parameter), with their members for data binding.
 */
public final class QueueListenerReflectiveProcessor extends SimpleReflectiveProcessor {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	protected void registerMethodHint(ReflectionHints hints, Method method) {
		super.registerMethodHint(hints, method);
		for (int i = 0; i < method.getParameterCount(); i++) {
			ResolvableType type = ResolvableType.forMethodParameter(new MethodParameter(method, i));
			if (type.resolve() == List.class) {
				type = type.getGeneric(0);
			}
			Class<?> resolved = type.resolve();
			if (resolved != null && resolved != ReceivedMessage.class && resolved != Acknowledgement.class
					&& resolved != String.class) {
				this.bindingRegistrar.registerReflectionHints(hints, type.getType());
			}
		}
	}

}
