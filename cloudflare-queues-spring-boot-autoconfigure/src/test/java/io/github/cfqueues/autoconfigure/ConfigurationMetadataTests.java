package io.github.cfqueues.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata gives an IDE a description of every property and the default of every
 * property that has one.
 */
class ConfigurationMetadataTests {

	private static final Set<String> WITHOUT_DEFAULT = Set.of("cloudflare.queues.account-id",
			"cloudflare.queues.api-token", "cloudflare.queues.email", "cloudflare.queues.api-key",
			"cloudflare.queues.queue-id", "cloudflare.queues.queue-name", "cloudflare.queues.queues");

	@Test
	void everyPropertyHasADescriptionAndEveryOneWithADefaultShowsIt() throws Exception {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = new JsonMapper().readTree(in);
		}
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			names.add(name);
			assertThat(property.path("description").asString("")).as("description of %s", name).isNotBlank();
			if (!WITHOUT_DEFAULT.contains(name)) {
				assertThat(property.has("defaultValue")).as("default of %s", name).isTrue();
			}
		}
		assertThat(names).contains("cloudflare.queues.base-url", "cloudflare.queues.retry.max-wait")
			.containsAll(WITHOUT_DEFAULT);
	}

	/**
	 * Boot's metadata cannot describe the keys inside a map's entries, so the description of the map names each of
	 * them.
	 */
	@Test
	void theQueuesMapDescribesEveryKeyAQueueTakes() throws Exception {
		String description = property(metadata(), "cloudflare.queues.queues").get("description").asString();
		List<String> keys = keys(CloudflareQueuesProperties.Queue.class, "");
		assertThat(keys).contains("queue-id", "batching.max-wait", "api-key");
		for (String key : keys) {
			assertThat(description).as("the description names %s", key).containsPattern("(^|[ (])" + key + "[ ,)]");
		}
		assertThat(description).contains("content-type (json or text");
	}

	@Test
	void theQueueNamesHintSuggestsTheDefaultQueueAndAllowsAnyOther() throws Exception {
		JsonNode hint = null;
		for (JsonNode candidate : metadata().get("hints")) {
			if (candidate.get("name").asString().equals("cloudflare.queues.queues.keys")) {
				hint = candidate;
			}
		}
		assertThat(hint).isNotNull();
		assertThat(hint.get("values").get(0).get("value").asString()).isEqualTo("default");
		assertThat(hint.get("providers").get(0).get("name").asString()).isEqualTo("any");
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return new JsonMapper().readTree(in);
		}
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property;
			}
		}
		throw new AssertionError("No property " + name);
	}

	/**
	 * The keys a bean binds, nested ones (a property whose type is a nested class of the properties) as
	 * {@code parent.child}.
	 */
	private static List<String> keys(Class<?> type, String prefix) {
		List<String> keys = new ArrayList<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getName().equals("class")) {
				continue;
			}
			String key = prefix + dashed(property.getName());
			if (property.getPropertyType().getEnclosingClass() == CloudflareQueuesProperties.class) {
				keys.addAll(keys(property.getPropertyType(), key + "."));
			}
			else {
				keys.add(key);
			}
		}
		return keys;
	}

	private static String dashed(String camelCase) {
		return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

}
