package io.github.cfqueues.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that keeps Cloudflare credentials out of the actuator's {@code env} and {@code configprops}
 * endpoints, even where they are set to show values: {@link CloudflareCredentialsSanitizingFunction}.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class CloudflareQueuesSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CloudflareCredentialsSanitizingFunction cloudflareCredentialsSanitizingFunction() {
		return new CloudflareCredentialsSanitizingFunction();
	}

}
