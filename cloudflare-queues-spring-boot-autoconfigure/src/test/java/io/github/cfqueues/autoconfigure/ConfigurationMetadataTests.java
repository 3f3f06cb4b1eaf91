package io.github.cfqueues.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

}
