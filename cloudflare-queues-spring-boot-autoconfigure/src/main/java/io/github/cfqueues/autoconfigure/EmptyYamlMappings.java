package io.github.cfqueues.autoconfigure;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;

/**
 * Finds the empty maps ({@code orders: {}}) that YAML configuration files loaded into the environment hold directly
 * under a property. Spring's YAML loading drops an empty map, leaving no trace of it among the properties, so the
 * files are read again: each YAML document that yielded a property source of the environment, located through the
 * origin of one of its properties.
 */
final class EmptyYamlMappings {

	private static final Log logger = LogFactory.getLog(EmptyYamlMappings.class);

	private static final boolean YAML_PRESENT = ClassUtils.isPresent("org.yaml.snakeyaml.Yaml",
			EmptyYamlMappings.class.getClassLoader());

	private EmptyYamlMappings() {
	}

	/**
	 * The empty maps directly under a property.
	 * @param environment the environment
	 * @param parent the property, for example {@code cloudflare.queues.queues}
	 * @return the names of the empty maps under it, such as {@code cloudflare.queues.queues.orders}
	 */
	static Set<ConfigurationPropertyName> find(ConfigurableEnvironment environment, ConfigurationPropertyName parent) {
		Set<ConfigurationPropertyName> names = new LinkedHashSet<>();
		if (!YAML_PRESENT) {
			return names;
		}
		Map<Resource, List<Node>> documents = new HashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			TextResourceOrigin origin = yamlOrigin(source);
			if (origin == null) {
				continue;
			}
			Node document = documentAt(documents.computeIfAbsent(origin.getResource(), EmptyYamlMappings::read),
					origin.getLocation().getLine());
			if (document != null) {
				collect(document, "", parent, names);
			}
		}
		return names;
	}

	private static @Nullable TextResourceOrigin yamlOrigin(PropertySource<?> source) {
		if (!(source instanceof EnumerablePropertySource<?> enumerable) || !(source instanceof OriginLookup<?>)
				|| enumerable.getPropertyNames().length == 0) {
			return null;
		}
		Origin origin = OriginLookup.getOrigin(source, enumerable.getPropertyNames()[0]);
		if (origin instanceof TextResourceOrigin text && text.getLocation() != null && isYaml(text.getResource())) {
			return text;
		}
		return null;
	}

	private static boolean isYaml(@Nullable Resource resource) {
		String filename = (resource != null) ? resource.getFilename() : null;
		return filename != null && (filename.endsWith(".yml") || filename.endsWith(".yaml"));
	}

	private static List<Node> read(Resource resource) {
		List<Node> documents = new ArrayList<>();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			for (Node document : new Yaml(new SafeConstructor(new LoaderOptions())).composeAll(reader)) {
				documents.add(document);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not read " + resource + " for empty queue declarations", ex);
		}
		return documents;
	}

	private static @Nullable Node documentAt(List<Node> documents, int line) {
		for (Node document : documents) {
			if (document != null && document.getStartMark().getLine() <= line
					&& line <= document.getEndMark().getLine()) {
				return document;
			}
		}
		return null;
	}

	/**
	 * Walks a mapping as Spring flattens it (nested keys joined with dots) and collects the keys of empty maps whose
	 * parent is the given property.
	 */
	private static void collect(Node node, String path, ConfigurationPropertyName parent,
			Set<ConfigurationPropertyName> names) {
		if (!(node instanceof MappingNode mapping)) {
			return;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				continue;
			}
			String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
			Node value = tuple.getValueNode();
			if (value instanceof MappingNode child && child.getValue().isEmpty()) {
				ConfigurationPropertyName name = ConfigurationPropertyName.adapt(keyPath, '.');
				if (parent.isParentOf(name)) {
					names.add(name);
				}
			}
			else {
				collect(value, keyPath, parent, names);
			}
		}
	}

}
