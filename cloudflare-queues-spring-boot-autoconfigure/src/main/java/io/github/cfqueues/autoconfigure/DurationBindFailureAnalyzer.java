package io.github.cfqueues.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@code cloudflare.queues.*} duration Spring Boot could not read, typically a fraction such as
 * {@code 1.5s}, and says how durations are written, and that a queue's delay is whole seconds. Ordered before
 * Spring Boot's analyzer for bind failures. Durations are never secrets, so the value is shown.
 */
class DurationBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName
		.of(CloudflareQueuesProperties.PREFIX);

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		if (property == null || !PREFIX.isAncestorOf(property.getName())
				|| !Duration.class.equals(cause.getTarget().getType().resolve())) {
			return null;
		}
		boolean delay = "delay".equals(property.getName().getLastElement(ConfigurationPropertyName.Form.DASHED));
		return new FailureAnalysis(
				"The Cloudflare Queues property '" + property.getName() + "' is not a duration: '"
						+ property.getValue() + "'" + ((property.getOrigin() != null)
								? " (from " + property.getOrigin() + ")" : "") + ".",
				"Write a duration as a whole number and a unit: 500ms, 30s, 5m, 2h or 1d (or in ISO-8601, as "
						+ "PT1M30S). A fraction such as 1.5s cannot be read" + (delay
								? ", and a delay is whole seconds, from 0s to 24h: write, for example, 2s."
								: ": write 1500ms instead."),
				cause);
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
