package io.github.cfqueues.sample.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README shows of the Quick start is this application, so that what a user pastes is what the build runs:
 * the Quick start YAML opens this application's {@code application.yml}, the Local mode line closes it, the README
 * lists the whole file, and its Java listings are these classes (without their package line and Javadoc, and with
 * four spaces for a tab).
 */
class ReadmeTests {

	private static final Path SOURCES = Paths.get("src/main/java/io/github/cfqueues/sample/quickstart");

	private final String readme = read(Paths.get(System.getProperty("readme", "../../README.md")));

	private final String applicationYml = read(Paths.get("src/main/resources/application.yml"));

	@Test
	void theQuickStartYamlOpensTheApplicationsConfiguration() {
		String quickStart = blocks(section("## Quick start"), "yaml").get(0);
		assertThat(quickStart).startsWith("cloudflare:\n");
		assertThat(this.applicationYml).startsWith(quickStart);
	}

	@Test
	void theLocalModeLineClosesIt() {
		String localModeLine = blocks(section("## Local mode"), "yaml").get(0);
		assertThat(localModeLine).isEqualTo("cloudflare.queues.local.enabled: true\n");
		assertThat(this.applicationYml).endsWith(localModeLine);
	}

	@Test
	void theReadmeListsTheWholeConfiguration() {
		assertThat(blocks(section("## Local mode"), "yaml")).contains(this.applicationYml);
	}

	@Test
	void theQuickStartJavaIsTheCheckoutClass() {
		assertThat(blocks(section("## Quick start"), "java").get(0)).isEqualTo(javaListing("Checkout.java"));
	}

	@Test
	void theLocalModeJavaIsTheApplicationClass() {
		assertThat(blocks(section("## Local mode"), "java")).contains(javaListing("QuickstartApplication.java"));
	}

	private String section(String heading) {
		int start = this.readme.indexOf("\n" + heading + "\n");
		assertThat(start).as("the README has a section %s", heading).isNotNegative();
		int end = this.readme.indexOf("\n## ", start + heading.length() + 1);
		return this.readme.substring(start, (end != -1) ? end : this.readme.length());
	}

	private static List<String> blocks(String text, String language) {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	private static String javaListing(String file) {
		return read(SOURCES.resolve(file)).replaceFirst("(?m)^package .*;\n\n", "")
			.replaceAll("(?ms)^[ \\t]*/\\*\\*.*?\\*/\n", "")
			.replace("\t", "    ");
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
