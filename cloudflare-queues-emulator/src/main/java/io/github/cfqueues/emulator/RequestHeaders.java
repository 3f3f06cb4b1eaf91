package io.github.cfqueues.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The header fields of an HTTP request, looked up by name without regard to case.
 */
final class RequestHeaders {

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	void add(String name, String value) {
		this.values.computeIfAbsent(key(name), (key) -> new ArrayList<>(1)).add(value);
	}

	/**
	 * Returns the first value of a header, or {@code null} if the request has none.
	 */
	@Nullable String first(String name) {
		List<String> list = this.values.get(key(name));
		return (list != null) ? list.get(0) : null;
	}

	List<String> all(String name) {
		return List.copyOf(this.values.getOrDefault(key(name), List.of()));
	}

	/**
	 * Returns whether a comma-separated header such as {@code Connection} lists a token, ignoring case.
	 */
	boolean containsToken(String name, String token) {
		for (String value : this.values.getOrDefault(key(name), List.of())) {
			for (String item : value.split(",")) {
				if (item.trim().equalsIgnoreCase(token)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
