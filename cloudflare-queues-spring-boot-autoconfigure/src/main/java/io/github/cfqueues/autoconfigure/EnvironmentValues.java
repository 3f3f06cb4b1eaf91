package io.github.cfqueues.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Reads raw property values from the environment before anything is bound: placeholders unresolved, each name
 * with the value of the source that wins for it, as binding would see it.
 */
final class EnvironmentValues {

	private EnvironmentValues() {
	}

	/**
	 * The values of the properties whose names match.
	 * @param environment the environment
	 * @param names which names to read
	 * @return the values by name, in the order of the sources that define them
	 */
	static Map<ConfigurationPropertyName, @Nullable Object> of(Environment environment,
			Predicate<ConfigurationPropertyName> names) {
		Map<ConfigurationPropertyName, @Nullable Object> values = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(names).forEach((name) -> {
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					if (property != null && !values.containsKey(name)) {
						values.put(name, property.getValue());
					}
				});
			}
		}
		return values;
	}

}
