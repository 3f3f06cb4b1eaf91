package io.github.cfqueues.client;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * How requests authenticate: an API token (preferred) or the legacy global API key with its account email, fixed or
 * {@link #provided(CloudflareCredentialsProvider) read from a provider} as each request leaves.
 * <p>
 * Neither {@code toString()} nor any exception message ever shows the secret.
 */
public sealed interface CloudflareCredentials
		permits CloudflareCredentials.ApiToken, CloudflareCredentials.GlobalApiKey, CloudflareCredentials.Provided {

	/**
	 * Credentials for an API token, sent as {@code Authorization: Bearer <token>}.
	 * @param token the token (needs "Queues Write" to push)
	 * @return the credentials
	 */
	static CloudflareCredentials apiToken(String token) {
		return new ApiToken(token);
	}

	/**
	 * Credentials for the legacy global API key, sent as {@code X-Auth-Email} and {@code X-Auth-Key}.
	 * @param email the account's email
	 * @param apiKey the global API key
	 * @return the credentials
	 */
	static CloudflareCredentials globalApiKey(String email, String apiKey) {
		return new GlobalApiKey(email, apiKey);
	}

	/**
	 * Credentials read from a provider as each request leaves, so that a token rotated while the application runs
	 * is used from the next request on.
	 * @param provider supplies the current credentials
	 * @return the credentials
	 */
	static CloudflareCredentials provided(CloudflareCredentialsProvider provider) {
		return new Provided(provider);
	}

	/**
	 * Writes the authentication headers.
	 * @param header receives each header name and value
	 */
	void writeHeaders(BiConsumer<String, String> header);

	/**
	 * Checks that a header value is usable: present, and free of control characters that would corrupt or
	 * split the HTTP request. The value itself never appears in the message.
	 * @param value the value
	 * @param what how to name the value in an error
	 * @return the value
	 */
	static String checkHeaderValue(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be empty");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				throw new IllegalArgumentException(
						what + " contains a control character at position " + i + " (the value is not shown)");
			}
		}
		return value;
	}

	/**
	 * An API token.
	 *
	 * @param token the token
	 */
	record ApiToken(String token) implements CloudflareCredentials {

		public ApiToken {
			checkHeaderValue(token, "The API token");
		}

		@Override
		public void writeHeaders(BiConsumer<String, String> header) {
			header.accept("Authorization", "Bearer " + this.token);
		}

		@Override
		public String toString() {
			return "ApiToken[******]";
		}

	}

	/**
	 * The legacy global API key and its account email.
	 *
	 * @param email the account's email
	 * @param apiKey the key
	 */
	record GlobalApiKey(String email, String apiKey) implements CloudflareCredentials {

		public GlobalApiKey {
			checkHeaderValue(email, "The account email");
			checkHeaderValue(apiKey, "The API key");
		}

		@Override
		public void writeHeaders(BiConsumer<String, String> header) {
			header.accept("X-Auth-Email", this.email);
			header.accept("X-Auth-Key", this.apiKey);
		}

		@Override
		public String toString() {
			return "GlobalApiKey[email=******, apiKey=******]";
		}

	}

	/**
	 * Credentials read from a provider for every request.
	 *
	 * @param provider supplies the current credentials
	 */
	record Provided(CloudflareCredentialsProvider provider) implements CloudflareCredentials {

		public Provided {
			Objects.requireNonNull(provider, "The credentials provider must not be null");
		}

		/**
		 * Writes the headers of the credentials the provider supplies now.
		 * @throws IllegalStateException if the provider supplies none, or supplies provided credentials in turn
		 */
		@Override
		public void writeHeaders(BiConsumer<String, String> header) {
			CloudflareCredentials current = this.provider.getCredentials();
			if (current == null || current instanceof Provided) {
				throw new IllegalStateException("The credentials provider supplied " + ((current != null)
						? "provided credentials" : "null") + "; it must supply an API token or a global API key");
			}
			current.writeHeaders(header);
		}

		@Override
		public String toString() {
			return "Provided[******]";
		}

	}

}
