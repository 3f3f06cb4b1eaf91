package io.github.cfqueues.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CredentialProperties} never shows a credential in its {@code toString()}.
 */
class CredentialPropertiesTests {

	@Test
	void toStringSaysWhichCredentialsAreSetWithoutShowingThem() {
		CredentialProperties token = new CredentialProperties("cloudflare.queues", "secret-token-value", null, null);
		CredentialProperties key = new CredentialProperties("cloudflare.queues.queues.orders", null,
				"ops@example.com", "secret-key-value");

		assertThat(token).hasToString(
				"CredentialProperties[prefix=cloudflare.queues, apiToken=******, email=unset, apiKey=unset]");
		assertThat(key.toString()).doesNotContain("secret-key-value", "ops@example.com")
			.contains("apiKey=******", "email=******");
	}

}
