package io.github.cfqueues.autoconfigure.local;

import io.github.cfqueues.autoconfigure.CloudflareQueuesAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A whole application, started as {@link SpringApplication} does (configuration files, failure analysis), with the
 * auto-configurations a Cloudflare Queues application has.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
		HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
		CloudflareQueuesAutoConfiguration.class, CloudflareQueuesLocalAutoConfiguration.class })
class LocalApplication {

	static ConfigurableApplicationContext run(String... args) {
		return run(new Class<?>[0], args);
	}

	static ConfigurableApplicationContext run(Class<?>[] configurations, String... args) {
		Class<?>[] sources = new Class<?>[configurations.length + 1];
		sources[0] = LocalApplication.class;
		System.arraycopy(configurations, 0, sources, 1, configurations.length);
		SpringApplication application = new SpringApplication(sources);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

}
