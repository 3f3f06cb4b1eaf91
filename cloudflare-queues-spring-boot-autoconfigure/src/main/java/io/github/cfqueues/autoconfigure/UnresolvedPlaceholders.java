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
 * The account ids, queue ids and credentials, global or per queue, are left for later: a
 * {@link CloudflareQueuesConnectionDetails#isLocal() local} connection needs none of them, so there they count as
 * unset ({@link #isSet(String)}); elsewhere {@link QueueEndpoints} and the credentials fail on them
 * ({@link #failIfUnresolved(String, String)}). Any other unresolved value fails before anything is bound. Errors
 * name the property and the variable, never the rest of the value.
 */
final class UnresolvedPlaceholders {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName
		.of(CloudflareQueuesProperties.PREFIX);

	private static final Set<String> CHECKED_LATER = Set.of("account-id", "api-token", "email", "api-key", "queue-id");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private UnresolvedPlaceholders() {
	}

	/**
	 * Fails on the first {@code cloudflare.queues.*} value, as the environment resolves it, that still holds a
	 * placeholder, the ids and credentials aside.
	 * @param environment the environment
	 * @throws InvalidCloudflareQueuesPropertyException naming the property and the variable
	 */
	static void check(Environment environment) {
		Map<ConfigurationPropertyName, @Nullable Object> values = EnvironmentValues.of(environment,
				PREFIX::isAncestorOf);
		for (Map.Entry<ConfigurationPropertyName, @Nullable Object> entry : values.entrySet()) {
			if (!(entry.getValue() instanceof String value) || !value.contains("${")
					|| isCheckedLater(entry.getKey())) {
				continue;
			}
			String variable = variable(environment.resolvePlaceholders(value));
			if (variable != null) {
				throw unresolved(entry.getKey().toString(), variable, "");
			}
		}
	}

	/**
	 * Fails if an id or credential value holds an unresolved placeholder, for a connection that needs it.
	 * @param property the property the value is bound from
	 * @param value the bound value
	 * @throws InvalidCloudflareQueuesPropertyException naming the property and the variable, and local mode as the
	 * way to run without a Cloudflare account
	 */
	static void failIfUnresolved(String property, @Nullable String value) {
		String variable = (value != null) ? variable(value) : null;
		if (variable != null) {
			throw unresolved(property, variable, "; to run without a Cloudflare account, turn on local mode ("
					+ CloudflareQueuesProperties.PREFIX + ".local.enabled=true)");
		}
	}

	/**
	 * Whether an id or credential value is set: it has text and is not a placeholder left unresolved.
	 * @param value the bound value
	 * @return whether the value is set
	 */
	static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank() && variable(value) == null;
	}

	/**
	 * The value if {@link #isSet(String) set}.
	 * @param value the bound value
	 * @return the value, or {@code null}
	 */
	static @Nullable String valueIfSet(@Nullable String value) {
		return isSet(value) ? value : null;
	}

	private static InvalidCloudflareQueuesPropertyException unresolved(String property, String variable,
			String suffix) {
		return new InvalidCloudflareQueuesPropertyException(property, "unresolved placeholder: '" + variable
				+ "' is not set. Set the environment variable " + variable + " (or a property of that name), or give "
				+ "the placeholder a default, as ${" + variable + ":...}" + suffix);
	}

	private static @Nullable String variable(String value) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * {@code cloudflare.queues.<key>} or {@code cloudflare.queues.queues.<name>.<key>} for an id or credential key.
	 */
	private static boolean isCheckedLater(ConfigurationPropertyName name) {
		if (!CHECKED_LATER.contains(name.getLastElement(Form.DASHED))) {
			return false;
		}
		int elements = name.getNumberOfElements();
		return elements == PREFIX.getNumberOfElements() + 1 || (elements == PREFIX.getNumberOfElements() + 3
				&& "queues".equals(name.getElement(PREFIX.getNumberOfElements(), Form.DASHED)));
	}

}
