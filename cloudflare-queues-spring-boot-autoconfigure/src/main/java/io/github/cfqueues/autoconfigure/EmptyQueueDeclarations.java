package io.github.cfqueues.autoconfigure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Lets a queue be declared with no settings in every form a user writes it: {@code orders:} or {@code orders: ~} in
 * YAML and {@code cloudflare.queues.queues.orders=} in a properties file or the environment (each an empty value,
 * which Spring Boot cannot bind to a queue's settings), and {@code orders: {}} in YAML (which Spring's YAML loading
 * drops without a trace). For each such queue it adds an empty {@code queue-id}, in a property source of the lowest
 * precedence, so that the queue binds with every setting at its default while any setting made elsewhere still
 * wins.
 */
final class EmptyQueueDeclarations {

	/**
	 * The name of the property source holding the declarations.
	 */
	static final String PROPERTY_SOURCE_NAME = "cloudflareQueuesEmptyQueueDeclarations";

	private static final ConfigurationPropertyName QUEUES = ConfigurationPropertyName
		.of(CloudflareQueuesProperties.PREFIX + ".queues");

	private EmptyQueueDeclarations() {
	}

	/**
	 * Adds the declarations to the environment, replacing those of an earlier call.
	 * @param environment the environment
	 * @throws InvalidCloudflareQueuesPropertyException if a queue is given a value of its own instead of settings
	 */
	static void declare(ConfigurableEnvironment environment) {
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(PROPERTY_SOURCE_NAME);
		Set<ConfigurationPropertyName> queues = new LinkedHashSet<>(emptyValues(environment));
		queues.addAll(EmptyYamlMappings.find(environment, QUEUES));
		Map<String, Object> declarations = new LinkedHashMap<>();
		for (ConfigurationPropertyName queue : queues) {
			declarations.put(queue.append("queue-id").toString(), "");
		}
		if (!declarations.isEmpty()) {
			sources.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, declarations));
		}
	}

	/**
	 * The queues given a value of their own, which must be empty.
	 */
	private static Set<ConfigurationPropertyName> emptyValues(ConfigurableEnvironment environment) {
		Map<ConfigurationPropertyName, @Nullable Object> values = EnvironmentValues.of(environment,
				QUEUES::isParentOf);
		values.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				String queue = name.getLastElement(ConfigurationPropertyName.Form.ORIGINAL);
				throw new InvalidCloudflareQueuesPropertyException(name.toString(), "a queue takes its settings under "
						+ "its name, not a value of its own (the value is not shown); write, for example, " + queue
						+ ": { queue-id: <the queue's id> }, or an empty " + queue + ": {} to declare it with no "
						+ "settings");
			}
		});
		return values.keySet();
	}

}
