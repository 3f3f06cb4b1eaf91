package io.github.cfqueues.autoconfigure.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cfqueues.autoconfigure.AccountProperties;
import io.github.cfqueues.autoconfigure.CloudflareQueuesProperties;
import io.github.cfqueues.autoconfigure.InvalidCloudflareQueuesPropertyException;
import org.jspecify.annotations.Nullable;

/**
 * Stops local mode from starting while credentials are configured, unless
 * {@code cloudflare.queues.local.allow-credentials} says that is intended: credentials suggest a deployment, where
 * local mode switched on by mistake (a profile, an environment variable) would send every message to memory. Names
 * the properties that are set, never their values.
 */
final class LocalModeGuard {

	private static final String PREFIX = CloudflareQueuesProperties.PREFIX;

	private LocalModeGuard() {
	}

	static void check(CloudflareQueuesProperties properties) {
		if (properties.getLocal().isAllowCredentials()) {
			return;
		}
		List<String> configured = new ArrayList<>();
		addConfigured(configured, PREFIX, properties);
		for (Map.Entry<String, CloudflareQueuesProperties.Queue> queue : properties.getQueues().entrySet()) {
			addConfigured(configured, PREFIX + ".queues." + queue.getKey(), queue.getValue());
		}
		if (!configured.isEmpty()) {
			throw new InvalidCloudflareQueuesPropertyException(PREFIX + ".local.enabled", "local mode is on while "
					+ "credentials are configured (" + String.join(", ", configured) + "): every message would go "
					+ "to an in-memory emulator and none to Cloudflare. If this runs in production, turn local mode "
					+ "off; to keep local mode with the credentials configured, set " + PREFIX
					+ ".local.allow-credentials=true");
		}
	}

	private static void addConfigured(List<String> configured, String prefix, AccountProperties account) {
		if (isSet(account.getApiToken())) {
			configured.add(prefix + ".api-token");
		}
		if (isSet(account.getApiKey())) {
			configured.add(prefix + ".api-key");
		}
	}

	/**
	 * A value with text that is not a placeholder left unresolved (a variable that is not set).
	 */
	private static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank() && !value.contains("${");
	}

}
