package io.github.cfqueues.test.readme;

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
 * The README's Testing section shows these classes (without their package line and Javadoc, four spaces for a tab),
 * so that its examples compile and {@link CheckoutTests} passes as shown.
 */
class ReadmeTestingSectionTests {

	private static final Path SOURCES = Paths.get("src/test/java/io/github/cfqueues/test/readme");

	@Test
	void theTestingSectionShowsCheckoutTestsAndTestApplication() {
		List<String> blocks = javaBlocks(section(read(Paths.get(System.getProperty("readme", "../README.md"))),
				"## Testing"));
		assertThat(blocks).containsExactly(listing("CheckoutTests.java"), listing("TestApplication.java"));
	}

	private static String section(String readme, String heading) {
		int start = readme.indexOf("\n" + heading + "\n");
		assertThat(start).as("the README has a section %s", heading).isNotNegative();
		int end = readme.indexOf("\n## ", start + heading.length() + 1);
		return readme.substring(start, (end != -1) ? end : readme.length());
	}

	private static List<String> javaBlocks(String text) {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(text);
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	private static String listing(String file) {
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
