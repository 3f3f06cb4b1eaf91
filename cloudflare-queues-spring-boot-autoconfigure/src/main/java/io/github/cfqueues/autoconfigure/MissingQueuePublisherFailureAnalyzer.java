package io.github.cfqueues.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Set;

import io.github.cfqueues.client.QueuePublisher;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a {@link QueuePublisher} injection point that no configured queue satisfies: a {@code @Qualifier} naming
 * a queue that is not configured, or the primary publisher when no queue named {@code default} is. It lists the
 * queues that are configured. Ordered before Spring Boot's analyzer for missing beans, which knows nothing of queues.
 */
class MissingQueuePublisherFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	private final Environment environment;

	MissingQueuePublisherFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		InjectionPoint injectionPoint = injectionPoint(rootFailure, cause);
		if (injectionPoint == null || !QueuePublisher.class.equals(injectionPoint.getDeclaredType())) {
			return null;
		}
		Set<String> configured = configuredQueues();
		Qualifier qualifier = injectionPoint.getAnnotation(Qualifier.class);
		String queue = (qualifier != null) ? qualifier.value() : CloudflareQueuesProperties.DEFAULT_QUEUE;
		if (configured != null && configured.contains(queue)) {
			return null;
		}
		String known = (configured == null) ? "The configured queues could not be read."
				: configured.isEmpty() ? "No queue is configured." : "The configured queues are " + configured + ".";
		if (qualifier != null) {
			return new FailureAnalysis(describe(injectionPoint) + " asks for the QueuePublisher of the queue '" + queue
					+ "' (@Qualifier(\"" + queue + "\")), but no queue of that name is configured. " + known,
					"Declare the queue under " + CloudflareQueuesProperties.PREFIX + ".queues." + queue
							+ " (with its queue-id; in local mode '" + queue + ": {}' is enough), or change the "
							+ "qualifier to one of the configured queues.",
					cause);
		}
		return new FailureAnalysis(describe(injectionPoint) + " asks for the primary QueuePublisher, which is the "
				+ "queue named 'default', set by " + CloudflareQueuesProperties.PREFIX + ".queue-id; no queue of "
				+ "that name is configured. " + known,
				"Set " + CloudflareQueuesProperties.PREFIX + ".queue-id, or ask for one of the configured queues with "
						+ "@Qualifier(\"<queue name>\").",
				cause);
	}

	/**
	 * The injection point that failed for want of the missing bean: the innermost one, as one failed injection can
	 * fail the beans that depend on its bean in turn.
	 */
	private static @Nullable InjectionPoint injectionPoint(Throwable rootFailure,
			NoSuchBeanDefinitionException cause) {
		InjectionPoint injectionPoint = null;
		for (Throwable failure = rootFailure; failure != null && failure != cause; failure = failure.getCause()) {
			if (failure instanceof UnsatisfiedDependencyException unsatisfied) {
				injectionPoint = unsatisfied.getInjectionPoint();
			}
		}
		return injectionPoint;
	}

	private @Nullable Set<String> configuredQueues() {
		try {
			CloudflareQueuesProperties properties = Binder.get(this.environment)
				.bind(CloudflareQueuesProperties.PREFIX, Bindable.of(CloudflareQueuesProperties.class))
				.orElseGet(CloudflareQueuesProperties::new);
			return ConfiguredQueues.of(properties).keySet();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String describe(InjectionPoint injectionPoint) {
		Field field = injectionPoint.getField();
		if (field != null) {
			return "Field " + field.getName() + " in " + field.getDeclaringClass().getName();
		}
		MethodParameter parameter = injectionPoint.getMethodParameter();
		if (parameter == null) {
			return "An injection point";
		}
		String owner = parameter.getDeclaringClass().getName();
		Method method = parameter.getMethod();
		if (method == null) {
			return "Parameter " + parameter.getParameterIndex() + " of constructor in " + owner;
		}
		return "Parameter " + parameter.getParameterIndex() + " of method " + method.getName() + " in " + owner;
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
