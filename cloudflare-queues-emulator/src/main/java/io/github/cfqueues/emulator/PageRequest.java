package io.github.cfqueues.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The page of a list a request asks for with the {@code page} and {@code per_page} query parameters.
 */
record PageRequest(int page, int perPage) {

	static final int DEFAULT_PER_PAGE = 20;

	static final int MAX_PER_PAGE = 1000;

	/**
	 * Reads the parameters of a raw query; fails with 400 and code 10207 if one is not a whole number in bounds.
	 */
	static PageRequest of(String rawQuery) {
		int page = 1;
		int perPage = DEFAULT_PER_PAGE;
		for (String parameter : rawQuery.split("&")) {
			int equals = parameter.indexOf('=');
			String name = decode((equals >= 0) ? parameter.substring(0, equals) : parameter);
			String value = decode((equals >= 0) ? parameter.substring(equals + 1) : "");
			if (name.equals("page")) {
				page = wholeNumber(name, value, 1, Integer.MAX_VALUE);
			}
			else if (name.equals("per_page")) {
				perPage = wholeNumber(name, value, 1, MAX_PER_PAGE);
			}
		}
		return new PageRequest(page, perPage);
	}

	<T> List<T> slice(List<T> items) {
		long from = (long) (this.page - 1) * this.perPage;
		if (from >= items.size()) {
			return List.of();
		}
		return items.subList((int) from, (int) Math.min(items.size(), from + this.perPage));
	}

	int totalPages(int totalCount) {
		return (totalCount + this.perPage - 1) / this.perPage;
	}

	private static int wholeNumber(String name, String value, int min, int max) {
		String rule = name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'";
		if (!value.matches("[0-9]{1,10}")) {
			throw ApiErrors.parameterInvalid(rule);
		}
		long number = Long.parseLong(value);
		if (number < min || number > max) {
			throw ApiErrors.parameterInvalid(rule);
		}
		return (int) number;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
