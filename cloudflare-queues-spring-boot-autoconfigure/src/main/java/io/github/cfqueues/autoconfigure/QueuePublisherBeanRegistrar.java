package io.github.cfqueues.autoconfigure;

import java.util.Map;

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
 * Registers a {@link QueuePublisher} bean for every configured queue: the queue named {@code default} as the
 * {@code @Primary} bean {@code queuePublisher}, every other queue {@code <name>} as {@code <name>QueuePublisher}
 * with the qualifier {@code <name>}. A bean the application already defines under that name wins.
 * <p>
 * The queues are read from the environment when the context refreshes, also after ahead-of-time processing: these
 * definitions are left out of the generated code ({@link AotExclusion}), and this post-processor, which is part of
 * it, registers them again from the environment the application runs with. So a queue added at deploy time (an
 * environment variable, say) gets its bean, and a queue removed at deploy time loses it.
 */
final class QueuePublisherBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	static final String FACTORY_BEAN_NAME = "cloudflareQueuesPublisherFactory";

	private static final String QUEUE_ATTRIBUTE = QueuePublisherBeanRegistrar.class.getName() + ".queue";

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
			String beanName = beanName(name);
			if (!registry.containsBeanDefinition(beanName)) {
				registry.registerBeanDefinition(beanName, publisherDefinition(name));
			}
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

	static String beanName(String queueName) {
		return CloudflareQueuesProperties.DEFAULT_QUEUE.equals(queueName) ? "queuePublisher"
				: queueName + "QueuePublisher";
	}

	private static RootBeanDefinition publisherDefinition(String queueName) {
		RootBeanDefinition definition = new RootBeanDefinition(QueuePublisher.class);
		definition.setInstanceSupplier(InstanceSupplier.of((RegisteredBean registered) -> registered.getBeanFactory()
			.getBean(FACTORY_BEAN_NAME, CloudflareQueuesPublisherFactory.class)
			.create(queueName)));
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, queueName));
		definition.setPrimary(CloudflareQueuesProperties.DEFAULT_QUEUE.equals(queueName));
		definition.setAttribute(QUEUE_ATTRIBUTE, queueName);
		return definition;
	}

	/**
	 * Leaves the per-queue publisher definitions out of ahead-of-time processing: the queues are known only when the
	 * application runs.
	 */
	static final class AotExclusion implements BeanRegistrationExcludeFilter {

		@Override
		public boolean isExcludedFromAotProcessing(RegisteredBean registeredBean) {
			return registeredBean.getMergedBeanDefinition().hasAttribute(QUEUE_ATTRIBUTE);
		}

	}

}
