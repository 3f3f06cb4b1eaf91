package io.github.cfqueues.autoconfigure;

import java.util.Map;

import io.github.cfqueues.client.QueuePublisher;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a {@link QueuePublisher} bean for every configured queue: the queue named {@code default} as the
 * {@code @Primary} bean {@code queuePublisher}, every other queue {@code <name>} as {@code <name>QueuePublisher}
 * with the qualifier {@code <name>}. A bean the application already defines under that name wins.
 */
class QueuePublisherBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	static final String FACTORY_BEAN_NAME = "cloudflareQueuesPublisherFactory";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		CloudflareQueuesProperties properties = Binder.get(this.environment)
			.bind(CloudflareQueuesProperties.PREFIX, Bindable.of(CloudflareQueuesProperties.class))
			.orElseGet(CloudflareQueuesProperties::new);
		for (Map.Entry<String, ?> queue : ConfiguredQueues.of(properties).entrySet()) {
			String name = queue.getKey();
			String beanName = beanName(name);
			if (!registry.containsBeanDefinition(beanName)) {
				registry.registerBeanDefinition(beanName, publisherDefinition(name));
			}
		}
	}

	static String beanName(String queueName) {
		return CloudflareQueuesProperties.DEFAULT_QUEUE.equals(queueName) ? "queuePublisher"
				: queueName + "QueuePublisher";
	}

	private static RootBeanDefinition publisherDefinition(String queueName) {
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setTargetType(QueuePublisher.class);
		definition.setFactoryBeanName(FACTORY_BEAN_NAME);
		definition.setUniqueFactoryMethodName("create");
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, queueName);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, queueName));
		definition.setPrimary(CloudflareQueuesProperties.DEFAULT_QUEUE.equals(queueName));
		return definition;
	}

}
