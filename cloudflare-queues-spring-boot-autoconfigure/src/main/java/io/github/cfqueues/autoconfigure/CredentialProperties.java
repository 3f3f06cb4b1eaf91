package io.github.cfqueues.autoconfigure;

import io.github.cfqueues.client.CloudflareCredentials;
import org.jspecify.annotations.Nullable;

/**
 * One set of credential properties (global or a queue's), checked and turned into {@link CloudflareCredentials}.
 * Errors name the property, never its value.
 *
 * @param prefix the prefix of the properties, for example {@code cloudflare.queues}
 * @param apiToken the {@code api-token} value
 * @param email the {@code email} value
 * @param apiKey the {@code api-key} value
 */
record CredentialProperties(String prefix, @Nullable String apiToken, @Nullable String email,
		@Nullable String apiKey) {

	/**
	 * Checks the properties and builds the credentials they describe.
	 * @return the credentials, or {@code null} when none of the properties is set
	 * @throws InvalidCloudflareQueuesPropertyException if both kinds are set, one is incomplete, or a value holds
	 * a control character
	 */
	@Nullable CloudflareCredentials resolve() {
		boolean token = UnresolvedPlaceholders.isSet(this.apiToken);
		boolean hasEmail = UnresolvedPlaceholders.isSet(this.email);
		boolean hasKey = UnresolvedPlaceholders.isSet(this.apiKey);
		if (token && (hasEmail || hasKey)) {
			throw new InvalidCloudflareQueuesPropertyException(this.prefix + ".api-token",
					"set either api-token or email + api-key, not both");
		}
		if (hasEmail != hasKey) {
			String missing = hasEmail ? "api-key" : "email";
			throw new InvalidCloudflareQueuesPropertyException(this.prefix + "." + missing,
					"the global API key needs both email and api-key; " + missing + " is missing");
		}
		if (token) {
			return CloudflareCredentials.apiToken(checked("api-token", this.apiToken));
		}
		if (hasEmail) {
			return CloudflareCredentials.globalApiKey(checked("email", this.email), checked("api-key", this.apiKey));
		}
		return null;
	}

	/**
	 * Fails if a value holds a placeholder that was left unresolved.
	 * @throws InvalidCloudflareQueuesPropertyException naming the property and the variable
	 */
	void failIfUnresolved() {
		UnresolvedPlaceholders.failIfUnresolved(this.prefix + ".api-token", this.apiToken);
		UnresolvedPlaceholders.failIfUnresolved(this.prefix + ".email", this.email);
		UnresolvedPlaceholders.failIfUnresolved(this.prefix + ".api-key", this.apiKey);
	}

	@Override
	public String toString() {
		return "CredentialProperties[prefix=" + this.prefix + ", apiToken=" + mask(this.apiToken) + ", email="
				+ mask(this.email) + ", apiKey=" + mask(this.apiKey) + "]";
	}

	private static String mask(@Nullable String value) {
		return UnresolvedPlaceholders.isSet(value) ? "******" : "unset";
	}

	private String checked(String property, @Nullable String value) {
		try {
			return CloudflareCredentials.checkHeaderValue(value, "The value");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCloudflareQueuesPropertyException(this.prefix + "." + property,
					ex.getMessage() + "; header values must not contain control characters");
		}
	}

}
