package io.github.cfqueues.autoconfigure;

import java.util.Map;
import java.util.function.BiFunction;

import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueuePublisher;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.aot.BeanRegistrationExcludeFilter;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.InstanceSupplier;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Registers a {@link QueuePublisher} and a {@link QueueConsumer} bean for every configured queue: for the queue named
 * {@code default}, the {@code @Primary} beans {@code queuePublisher} and {@code queueConsumer}; for every other queue
 * {@code <name>}, {@code <name>QueuePublisher} and {@code <name>QueueConsumer}, with the qualifier {@code <name>}. A
 * bean the application already defines under that name wins. The beans are created when first needed, so a queue
 * nobody consumes gets no consumer.
 * <p>
 * The queues are read from the environment when the context refreshes, also after ahead-of-time processing: these
 * definitions are left out of the generated code ({@link AotExclusion}), and this post-processor, which is part of
 * it, registers them again from the environment the application runs with. So a queue added at deploy time (an
 * environment variable, say) gets its beans, and a queue removed at deploy time loses them.
 */
final class QueueBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	static final String BEANS_NAME = "cloudflareQueuesBeans";

	private static final String QUEUE_ATTRIBUTE = QueueBeanRegistrar.class.getName() + ".queue";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		CloudflareQueuesProperties properties = prepareAndBind(this.environment);
		for (Map.Entry<String, ?> queue : ConfiguredQueues.of(properties).entrySet()) {
			String name = queue.getKey();
			register(registry, publisherBeanName(name), QueuePublisher.class, name, CloudflareQueuesBeans::publisher);
			register(registry, consumerBeanName(name), QueueConsumer.class, name, CloudflareQueuesBeans::consumer);
		}
	}

	/**
	 * Prepares the environment before anything binds {@code cloudflare.queues.*}, here or in the properties bean:
	 * declares the queues given no settings, and fails on a value left with an unresolved placeholder (ids and
	 * credentials aside: whether they are needed depends on the connection).
	 * @param environment the environment
	 * @return the properties as bound from it
	 */
	static CloudflareQueuesProperties prepareAndBind(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			EmptyQueueDeclarations.declare(configurable);
		}
		Binder binder = Binder.get(environment);
		UnresolvedPlaceholders.check(environment);
		return binder.bind(CloudflareQueuesProperties.PREFIX, Bindable.of(CloudflareQueuesProperties.class))
			.orElseGet(CloudflareQueuesProperties::new);
	}

	static String publisherBeanName(String queueName) {
		return isDefault(queueName) ? "queuePublisher" : queueName + "QueuePublisher";
	}

	static String consumerBeanName(String queueName) {
		return isDefault(queueName) ? "queueConsumer" : queueName + "QueueConsumer";
	}

	private static boolean isDefault(String queueName) {
		return CloudflareQueuesProperties.DEFAULT_QUEUE.equals(queueName);
	}

	private static <T> void register(BeanDefinitionRegistry registry, String beanName, Class<T> type,
			String queueName, BiFunction<CloudflareQueuesBeans, String, T> factory) {
		if (registry.containsBeanDefinition(beanName)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setInstanceSupplier(InstanceSupplier.of((RegisteredBean registered) -> factory
			.apply(registered.getBeanFactory().getBean(BEANS_NAME, CloudflareQueuesBeans.class), queueName)));
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, queueName));
		definition.setPrimary(isDefault(queueName));
		definition.setAttribute(QUEUE_ATTRIBUTE, queueName);
		registry.registerBeanDefinition(beanName, definition);
	}

	/**
	 * Leaves the per-queue definitions out of ahead-of-time processing: the queues are known only when the
	 * application runs.
	 */
	static final class AotExclusion implements BeanRegistrationExcludeFilter {

		@Override
		public boolean isExcludedFromAotProcessing(RegisteredBean registeredBean) {
			return registeredBean.getMergedBeanDefinition().hasAttribute(QUEUE_ATTRIBUTE);
		}

	}

}
