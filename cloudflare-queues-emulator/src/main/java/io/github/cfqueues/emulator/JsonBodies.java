package io.github.cfqueues.emulator;

import java.math.BigDecimal;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies as JSON objects and reads the whole-number fields they carry.
 */
final class JsonBodies {

	private final JsonMapper mapper;

	JsonBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Reads a JSON object: fails with 10208 if the body is not JSON, 10207 if it is JSON but not an object.
	 * @param body the request body
	 * @param emptyIsEmptyObject whether an empty body reads as {@code {}} rather than failing
	 */
	JsonNode readObject(byte[] body, boolean emptyIsEmptyObject) {
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiErrors.bodyMalformed();
		}
		if (root == null || root.isMissingNode()) {
			if (emptyIsEmptyObject) {
				return this.mapper.createObjectNode();
			}
			throw ApiErrors.bodyMalformed();
		}
		if (!root.isObject()) {
			throw ApiErrors.bodyInvalid("expected a JSON object");
		}
		return root;
	}

	/**
	 * Returns the compact JSON text of a value.
	 */
	String compact(JsonNode value) {
		return this.mapper.writeValueAsString(value);
	}

	/**
	 * Returns an optional field that must be a whole number within bounds.
	 * @return the value, or {@code null} when the field is absent or {@code null}
	 * @throws ApiException from {@code invalid} when it is present but not a whole number between {@code min} and
	 * {@code max}
	 */
	static @Nullable Long optionalWholeNumber(JsonNode parent, String field, long min, long max,
			Supplier<ApiException> invalid) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		Long value = wholeNumber(parent, field, 0, min, max);
		if (value == null) {
			throw invalid.get();
		}
		return value;
	}

	/**
	 * Returns a field that must be a whole number within bounds.
	 * @return the value; {@code defaultValue} when the field is absent or {@code null}; {@code null} when it is
	 * present but not a whole number between {@code min} and {@code max}
	 */
	static @Nullable Long wholeNumber(JsonNode parent, String field, long defaultValue, long min, long max) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return defaultValue;
		}
		if (!node.isNumber()) {
			return null;
		}
		BigDecimal value = node.decimalValue();
		if (value.stripTrailingZeros().scale() > 0) {
			return null;
		}
		if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
			return null;
		}
		return value.longValueExact();
	}

}
