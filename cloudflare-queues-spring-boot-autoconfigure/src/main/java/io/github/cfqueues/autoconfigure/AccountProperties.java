package io.github.cfqueues.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The account and credentials properties, set globally and, for a queue in another account, per queue.
 */
public abstract class AccountProperties {

	/**
	 * Cloudflare account id that owns the queues (32 hex digits).
	 */
	private @Nullable String accountId;

	/**
	 * API token with the "Queues Write" permission, sent as a Bearer token. Preferred over the global API key;
	 * set one of the two, never both.
	 */
	private @Nullable String apiToken;

	/**
	 * Email of the Cloudflare account, for the legacy global API key.
	 */
	private @Nullable String email;

	/**
	 * Legacy global API key, sent with the email. Prefer an API token.
	 */
	private @Nullable String apiKey;

	public @Nullable String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(@Nullable String accountId) {
		this.accountId = accountId;
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	CredentialProperties credentials(String prefix) {
		return new CredentialProperties(prefix, this.apiToken, this.email, this.apiKey);
	}

}
