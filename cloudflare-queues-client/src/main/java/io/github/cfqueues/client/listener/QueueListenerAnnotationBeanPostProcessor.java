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
					overrides(annotation)));
		});
		return bean;
	}

	private MethodListenerEndpoint.Overrides overrides(QueueListener annotation) {
		String mode = resolve(annotation.acknowledgementMode());
		String concurrency = resolve(annotation.concurrency());
		String autoStartup = resolve(annotation.autoStartup());
		return new MethodListenerEndpoint.Overrides(
				StringUtils.hasText(mode)
						? AcknowledgementMode.valueOf(mode.trim().toUpperCase(Locale.ROOT).replace('-', '_')) : null,
				StringUtils.hasText(concurrency) ? Integer.valueOf(concurrency.trim()) : null,
				StringUtils.hasText(autoStartup) ? Boolean.valueOf(autoStartup.trim()) : null);
	}

	private String resolve(String value) {
		String resolved = (this.resolver != null) ? this.resolver.resolveStringValue(value) : value;
		return (resolved != null) ? resolved : value;
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
