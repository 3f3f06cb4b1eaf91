package io.github.cfqueues.autoconfigure;

import java.util.Map;
import java.util.concurrent.Executor;

import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties.Queue;
import io.github.cfqueues.client.QueueRegistry;
import io.github.cfqueues.client.listener.DefaultQueueListenerContainerFactory;
import io.github.cfqueues.client.listener.QueueListenerAnnotationBeanPostProcessor;
import io.github.cfqueues.client.listener.QueueListenerConfigurer;
import io.github.cfqueues.client.listener.QueueListenerContainerFactory;
import io.github.cfqueues.client.listener.QueueListenerContainerRegistry;
import io.github.cfqueues.client.listener.QueueListenerEndpoint;
import io.github.cfqueues.client.listener.QueueMessageHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The listener infrastructure: {@code @QueueListener} methods are found, their containers made with each queue's
 * {@code consumer.*} settings and held by a registry that starts them with the application and stops them before the
 * publishers flush; a queue's {@code consumer.handler} bean is run as a listener too. Handlers run on the
 * {@value CloudflareQueuesAutoConfiguration#QUEUE_LISTENER_TASK_EXECUTOR_BEAN_NAME} bean when there is one.
 */
@Configuration(proxyBeanMethods = false)
final class CloudflareQueuesListenerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static QueueListenerAnnotationBeanPostProcessor queueListenerAnnotationBeanPostProcessor() {
		return new QueueListenerAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	QueueListenerContainerRegistry queueListenerContainerRegistry() {
		return new QueueListenerContainerRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	QueueListenerContainerFactory queueListenerContainerFactory(CloudflareQueuesProperties properties,
			QueueRegistry queueRegistry, Environment environment, BeanFactory beanFactory) {
		boolean virtualThreads = Threading.VIRTUAL.isActive(environment);
		Executor handlerExecutor = handlerExecutor(beanFactory);
		return new DefaultQueueListenerContainerFactory(queueRegistry::consumer, (queueName) -> ClientSettings
			.listenerSettings(properties, queue(properties, queueName), virtualThreads, handlerExecutor));
	}

	private static @Nullable Executor handlerExecutor(BeanFactory beanFactory) {
		String name = CloudflareQueuesAutoConfiguration.QUEUE_LISTENER_TASK_EXECUTOR_BEAN_NAME;
		return beanFactory.containsBean(name) ? beanFactory.getBean(name, Executor.class) : null;
	}

	@Bean
	QueueListenerConfigurer cloudflareQueuesHandlerListeners(CloudflareQueuesProperties properties,
			BeanFactory beanFactory) {
		return (registrar) -> {
			for (Map.Entry<String, Queue> queue : ConfiguredQueues.of(properties).entrySet()) {
				String handlerName = queue.getValue().getConsumer().getHandler();
				if (handlerName != null && !handlerName.isBlank()) {
					registrar.register(QueueListenerEndpoint.of(queue.getKey() + "." + handlerName, queue.getKey(),
							handler(beanFactory, queue.getKey(), handlerName), null));
				}
			}
		};
	}

	private static QueueMessageHandler handler(BeanFactory beanFactory, String queueName, String handlerName) {
		try {
			return beanFactory.getBean(handlerName, QueueMessageHandler.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new InvalidCloudflareQueuesPropertyException(
					ConfiguredQueues.queueProperty(queueName, "consumer.handler"),
					"no QueueMessageHandler bean is named '" + handlerName + "'");
		}
	}

	private static Queue queue(CloudflareQueuesProperties properties, String queueName) {
		Queue queue = ConfiguredQueues.of(properties).get(queueName);
		if (queue == null) {
			throw new IllegalArgumentException("No queue named '" + queueName + "' is configured; known queues: "
					+ ConfiguredQueues.of(properties).keySet());
		}
		return queue;
	}

}
