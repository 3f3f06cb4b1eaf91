package io.github.cfqueues.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.env.Environment;

/**
 * Finds {@code cloudflare.queues.*} values holding a placeholder the environment cannot resolve, typically an
 * environment variable that is not set ({@code account-id: ${CLOUDFLARE_ACCOUNT_ID}}). Spring leaves such a
 * placeholder in the value as written, where it would otherwise surface as a malformed id or duration.
 * <p>
 * In local mode the account id, credentials and queue ids, global or per queue, may stay unresolved: they count as
 * unset there ({@link #isSet(String)}), as local mode needs none of them. Any other unresolved value fails, in
 * local mode too. Errors name the property and the variable, never the rest of the value.
 */
final class UnresolvedPlaceholders {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName
		.of(CloudflareQueuesProperties.PREFIX);

	private static final Set<String> OPTIONAL_IN_LOCAL_MODE = Set.of("account-id", "api-token", "email", "api-key",
			"queue-id");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private UnresolvedPlaceholders() {
	}

	/**
	 * Fails on the first {@code cloudflare.queues.*} value, as the environment resolves it, that still holds a
	 * placeholder, unless local mode lets it through.
	 * @param environment the environment
	 * @param localMode whether local mode is on
	 * @throws InvalidCloudflareQueuesPropertyException naming the property and the variable
	 */
	static void check(Environment environment, boolean localMode) {
		Map<ConfigurationPropertyName, @Nullable Object> values = EnvironmentValues.of(environment,
				PREFIX::isAncestorOf);
		for (Map.Entry<ConfigurationPropertyName, @Nullable Object> entry : values.entrySet()) {
			if (!(entry.getValue() instanceof String value) || !value.contains("${")) {
				continue;
			}
			String variable = unresolvedVariable(environment.resolvePlaceholders(value));
			ConfigurationPropertyName name = entry.getKey();
			if (variable == null || (localMode && isOptionalInLocalMode(name))) {
				continue;
			}
			throw new InvalidCloudflareQueuesPropertyException(name.toString(), "unresolved placeholder: '" + variable
					+ "' is not set. Set the environment variable " + variable + " (or a property of that name), or "
					+ "give the placeholder a default, as ${" + variable + ":...}"
					+ (localMode ? "" : "; to run without a Cloudflare account, turn on local mode ("
							+ CloudflareQueuesProperties.PREFIX + ".local.enabled=true)"));
		}
	}

	/**
	 * Whether an id or credential value is set: it has text and is not a placeholder left unresolved (in local
	 * mode, where {@link #check} lets it through).
	 * @param value the bound value
	 * @return whether the value is set
	 */
	static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank() && unresolvedVariable(value) == null;
	}

	/**
	 * The value if {@link #isSet(String) set}.
	 * @param value the bound value
	 * @return the value, or {@code null}
	 */
	static @Nullable String valueIfSet(@Nullable String value) {
		return isSet(value) ? value : null;
	}

	private static @Nullable String unresolvedVariable(String value) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * {@code cloudflare.queues.<key>} or {@code cloudflare.queues.queues.<name>.<key>} for an id or credential key.
	 */
	private static boolean isOptionalInLocalMode(ConfigurationPropertyName name) {
		if (!OPTIONAL_IN_LOCAL_MODE.contains(name.getLastElement(Form.DASHED))) {
			return false;
		}
		int elements = name.getNumberOfElements();
		return elements == PREFIX.getNumberOfElements() + 1 || (elements == PREFIX.getNumberOfElements() + 3
				&& "queues".equals(name.getElement(PREFIX.getNumberOfElements(), Form.DASHED)));
	}

}
