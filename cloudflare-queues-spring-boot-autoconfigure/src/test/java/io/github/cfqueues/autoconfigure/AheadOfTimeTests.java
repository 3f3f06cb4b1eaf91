package io.github.cfqueues.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.github.cfqueues.client.QueueConsumer;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After ahead-of-time processing (native images, {@code spring.aot.enabled}), the per-queue publisher beans still
 * follow the configuration the application runs with, not the one it was built with.
 */
@CompileWithForkedClassLoader
class AheadOfTimeTests {

	private static final Map<String, Object> ACCOUNT = Map.of("cloudflare.queues.account-id",
			"0123456789abcdef0123456789abcdef", "cloudflare.queues.api-token", "aot-test-token",
			"cloudflare.queues.base-url", "http://127.0.0.1:9/client/v4");

	@Test
	void aQueueAddedAtRunTimeGetsItsBeanQualifierAndRegistryEntry() {
		runAfterProcessing(Map.of("cloudflare.queues.queues.orders.queue-id", "q1"),
				Map.of("cloudflare.queues.queues.orders.queue-id", "q1", "cloudflare.queues.queues.extra.queue-id",
						"q2"),
				(context) -> {
					QueuePublisher extra = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
							QueuePublisher.class, "extra");
					assertThat(extra.queueName()).isEqualTo("extra");
					assertThat(context.getBean("extraQueuePublisher")).isSameAs(extra);
					assertThat(BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
							QueueConsumer.class, "extra").queueName()).isEqualTo("extra");
					assertThat(context.getBean(QueuePublisherRegistry.class).names()).containsExactly("extra",
							"orders");
				});
	}

	@Test
	void aQueueRemovedAtRunTimeLosesItsBeanAndTheApplicationStillStarts() {
		runAfterProcessing(
				Map.of("cloudflare.queues.queue-id", "q0", "cloudflare.queues.queues.orders.queue-id", "q1"),
				Map.of("cloudflare.queues.queues.orders.queue-id", "q1"), (context) -> {
					assertThat(context.containsBean("queuePublisher")).isFalse();
					assertThat(context.containsBean("queueConsumer")).isFalse();
					assertThat(context.getBean(QueuePublisherRegistry.class).names()).containsExactly("orders");
				});
	}

	private static void runAfterProcessing(Map<String, Object> buildTime, Map<String, Object> runTime,
			Consumer<GenericApplicationContext> assertions) {
		AnnotationConfigApplicationContext processed = new AnnotationConfigApplicationContext();
		processed.getEnvironment().getPropertySources().addFirst(properties("build", buildTime));
		processed.register(Application.class);
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(processed, generationContext);
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			GenericApplicationContext context = new GenericApplicationContext();
			context.getEnvironment().getPropertySources().addFirst(properties("run", runTime));
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> generated = compiled
				.getInstance(ApplicationContextInitializer.class, initializer.toString());
			generated.initialize(context);
			context.refresh();
			try {
				assertions.accept(context);
			}
			finally {
				context.close();
			}
		});
	}

	private static MapPropertySource properties(String name, Map<String, Object> queues) {
		Map<String, Object> all = new HashMap<>(ACCOUNT);
		all.putAll(queues);
		return new MapPropertySource(name, all);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, CloudflareQueuesAutoConfiguration.class })
	public static class Application {

	}

}
