package io.github.cfqueues.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's property table is the configuration metadata an IDE shows, row for row: the same properties, the
 * same defaults, the same values and the same descriptions, so that neither can change without the other. The
 * per-queue rows, which Boot's metadata cannot describe, are the keys of a queue's settings, with their defaults.
 */
class ReadmePropertyTableTests {

	private static final String QUEUE_ROW_PREFIX = CloudflareQueuesProperties.PREFIX + ".queues.<name>.";

	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|$");

	private final Map<String, Row> readme = readmeRows();

	private final JsonNode metadata = metadata();

	@Test
	void everyPropertyOfTheMetadataHasItsRowAndEveryRowItsProperty() {
		List<String> documented = this.readme.keySet()
			.stream()
			.filter((name) -> !name.startsWith(QUEUE_ROW_PREFIX))
			.toList();
		assertThat(documented).containsExactlyInAnyOrderElementsOf(metadataProperties().keySet());
	}

	@Test
	void eachRowShowsTheDefaultValuesAndDescriptionOfTheMetadata() {
		Map<String, List<String>> hints = metadataHints();
		metadataProperties().forEach((name, property) -> {
			Row row = this.readme.get(name);
			assertThat(row).as("the README's row for %s", name).isNotNull();
			JsonNode defaultValue = property.get("defaultValue");
			assertThat(row.defaultValue()).as("default of %s", name)
				.isEqualTo((defaultValue == null || defaultValue.isNull()) ? "" : "`" + text(defaultValue) + "`");
			assertThat(row.values()).as("values of %s", name)
				.isEqualTo(hints.getOrDefault(name, List.of())
					.stream()
					.map((value) -> "`" + value + "`")
					.collect(Collectors.joining(", ")));
			assertThat(row.description()).as("description of %s", name)
				.isEqualTo(property.get("description").asString());
		});
	}

	@Test
	void thePerQueueRowsAreTheKeysAQueueTakes() {
		Map<String, Row> queueRows = new LinkedHashMap<>();
		this.readme.forEach((name, row) -> {
			if (name.startsWith(QUEUE_ROW_PREFIX)) {
				queueRows.put(name.substring(QUEUE_ROW_PREFIX.length()), row);
			}
		});
		assertThat(queueRows.keySet()).containsExactlyInAnyOrderElementsOf(keys(CloudflareQueuesProperties.Queue.class, ""));
		queueRows.forEach((key, row) -> {
			String expected = switch (key) {
				case "queue-id", "queue-name", "delay", "consumer.handler", "consumer.dead-letter-queue" -> "";
				case "content-type" -> "`json`";
				default -> key.startsWith("consumer.") ? row.defaultValue() : "global value";
			};
			assertThat(row.defaultValue()).as("default of the per-queue %s", key).isEqualTo(expected);
			if (key.startsWith("consumer.") && !expected.isEmpty()) {
				assertThat(row.defaultValue()).as("default of the per-queue %s", key).matches("`[^`]+`");
			}
			assertThat(row.description()).as("description of the per-queue %s", key).isNotBlank();
		});
		assertThat(queueRows.get("content-type").values()).isEqualTo("`json`, `text`");
	}

	private Map<String, JsonNode> metadataProperties() {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (JsonNode property : this.metadata.get("properties")) {
			String name = property.get("name").asString();
			if (!name.equals(CloudflareQueuesProperties.PREFIX + ".queues")) {
				properties.put(name, property);
			}
		}
		return properties;
	}

	private Map<String, List<String>> metadataHints() {
		Map<String, List<String>> hints = new LinkedHashMap<>();
		for (JsonNode hint : this.metadata.path("hints")) {
			List<String> values = new ArrayList<>();
			hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			hints.put(hint.get("name").asString(), values);
		}
		return hints;
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

	private static Map<String, Row> readmeRows() {
		Path readme = Paths.get(System.getProperty("readme", "../README.md"));
		String text;
		try {
			text = Files.readString(readme, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + readme.toAbsolutePath(), ex);
		}
		String section = text.substring(text.indexOf("\n## Properties\n"));
		section = section.substring(0, section.indexOf("\n## ", 1));
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String line : section.lines().toList()) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				Row previous = rows.put(row.group(1), new Row(row.group(2), row.group(3), row.group(4)));
				assertThat(previous).as("one row for %s", row.group(1)).isNull();
			}
		}
		assertThat(rows).isNotEmpty();
		return rows;
	}

	private static JsonNode metadata() {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return new JsonMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
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
			String key = prefix + property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			if (property.getPropertyType().getEnclosingClass() == CloudflareQueuesProperties.class) {
				keys.addAll(keys(property.getPropertyType(), key + "."));
			}
			else {
				keys.add(key);
			}
		}
		return keys;
	}

	record Row(String defaultValue, String values, String description) {

		Row {
			defaultValue = defaultValue.strip();
			values = values.strip();
			description = description.strip();
		}

	}

}
