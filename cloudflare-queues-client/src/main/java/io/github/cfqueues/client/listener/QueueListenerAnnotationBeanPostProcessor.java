package io.github.cfqueues.client.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.cfqueues.client.internal.listener.MethodListenerEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;

/**
 * Finds {@link QueueListener @QueueListener} methods on beans and, once every singleton exists, makes a container
 * for each of them and for each listener a {@link QueueListenerConfigurer} registers, through the
 * {@link QueueListenerContainerFactory} bean, into the {@link QueueListenerContainerRegistry} bean. A listener of an
 * unknown queue, or a method a listener may not have, fails the startup with a message naming it.
 */
public final class QueueListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, EmbeddedValueResolverAware {

	private final QueueListenerEndpointRegistrar registrar = new QueueListenerEndpointRegistrar();

	private @Nullable BeanFactory beanFactory;

	private @Nullable StringValueResolver resolver;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void setEmbeddedValueResolver(StringValueResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		Map<Method, QueueListener> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<QueueListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, QueueListener.class));
		methods.forEach((method, annotation) -> {
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			String id = StringUtils.hasText(annotation.id()) ? resolve(annotation.id())
					: beanName + "." + method.getName();
			this.registrar.register(new MethodListenerEndpoint(id, resolve(annotation.value()), bean, invocable,
					overrides(annotation, beanName, method)));
		});
		return bean;
	}

	private MethodListenerEndpoint.Overrides overrides(QueueListener annotation, String beanName, Method method) {
		Attribute mode = new Attribute("acknowledgementMode", annotation.acknowledgementMode(), beanName, method);
		Attribute concurrency = new Attribute("concurrency", annotation.concurrency(), beanName, method);
		Attribute autoStartup = new Attribute("autoStartup", annotation.autoStartup(), beanName, method);
		return new MethodListenerEndpoint.Overrides(acknowledgementMode(mode), concurrency(concurrency),
				autoStartup(autoStartup));
	}

	private @Nullable AcknowledgementMode acknowledgementMode(Attribute attribute) {
		String value = attribute.value();
		if (value == null) {
			return null;
		}
		String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
		for (AcknowledgementMode mode : AcknowledgementMode.values()) {
			if (mode.name().equals(name)) {
				return mode;
			}
		}
		List<String> allowed = new ArrayList<>();
		for (AcknowledgementMode mode : AcknowledgementMode.values()) {
			allowed.add(mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		throw attribute.invalid("one of " + String.join(", ", allowed) + " (in any case, with '-' or '_')");
	}

	private @Nullable Integer concurrency(Attribute attribute) {
		String value = attribute.value();
		if (value == null) {
			return null;
		}
		try {
			int concurrency = Integer.parseInt(value);
			if (concurrency >= 1) {
				return concurrency;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, as a value out of range is
		}
		throw attribute.invalid("a whole number of at least 1");
	}

	private @Nullable Boolean autoStartup(Attribute attribute) {
		String value = attribute.value();
		if (value == null) {
			return null;
		}
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return Boolean.valueOf(value);
		}
		throw attribute.invalid("true or false");
	}

	private String resolve(String value) {
		String resolved = (this.resolver != null) ? this.resolver.resolveStringValue(value) : value;
		return (resolved != null) ? resolved : value;
	}

	/**
	 * A {@code @QueueListener} attribute as written and as resolved, able to say why its value cannot be used.
	 */
	private final class Attribute {

		private final String name;

		private final String written;

		private final String resolved;

		private final String beanName;

		private final Method method;

		Attribute(String name, String written, String beanName, Method method) {
			this.name = name;
			this.written = written;
			this.resolved = resolve(written).trim();
			this.beanName = beanName;
			this.method = method;
		}

		/**
		 * The resolved value, trimmed.
		 * @return the value, or {@code null} when empty, for the queue's setting
		 */
		@Nullable String value() {
			return StringUtils.hasText(this.resolved) ? this.resolved : null;
		}

		IllegalArgumentException invalid(String allowed) {
			String value = "'" + this.resolved + "'"
					+ (this.written.trim().equals(this.resolved) ? "" : " (resolved from '" + this.written + "')");
			return new IllegalArgumentException("@QueueListener(" + this.name + ") of bean '" + this.beanName
					+ "', method " + this.method + ", is " + value + ": it must be " + allowed
					+ ", or empty for the queue's setting");
		}

	}

	@Override
	public void afterSingletonsInstantiated() {
		ListableBeanFactory beans = (ListableBeanFactory) this.beanFactory;
		if (beans == null) {
			return;
		}
		beans.getBeanProvider(QueueListenerConfigurer.class)
			.orderedStream()
			.forEach((configurer) -> configurer.configure(this.registrar));
		List<QueueListenerEndpoint> endpoints = new ArrayList<>(this.registrar.endpoints());
		if (endpoints.isEmpty()) {
			return;
		}
		QueueListenerContainerFactory factory = beans.getBean(QueueListenerContainerFactory.class);
		QueueListenerContainerRegistry registry = beans.getBean(QueueListenerContainerRegistry.class);
		for (QueueListenerEndpoint endpoint : endpoints) {
			QueueListenerContainer container;
			try {
				container = factory.create(endpoint);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Cannot run " + endpoint + ": " + ex.getMessage(), ex);
			}
			registry.register(container);
		}
	}

}
