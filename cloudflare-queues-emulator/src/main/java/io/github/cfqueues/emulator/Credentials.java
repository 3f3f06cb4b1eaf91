package io.github.cfqueues.emulator;

import java.util.Map;
import java.util.Set;

/**
 * The credentials the emulator accepts: API tokens, global API key pairs, or anything non-empty.
 *
 * @param apiTokens accepted {@code Authorization: Bearer} tokens
 * @param globalApiKeys accepted {@code X-Auth-Key} by {@code X-Auth-Email}
 * @param acceptAny whether any non-empty credentials pass
 */
record Credentials(Set<String> apiTokens, Map<String, String> globalApiKeys, boolean acceptAny) {

	Credentials {
		apiTokens = Set.copyOf(apiTokens);
		globalApiKeys = Map.copyOf(globalApiKeys);
	}

	boolean acceptsToken(String token) {
		return (this.acceptAny && !token.isEmpty()) || this.apiTokens.contains(token);
	}

	boolean acceptsGlobalApiKey(String email, String key) {
		if (this.acceptAny) {
			return !email.isEmpty() && !key.isEmpty();
		}
		return key.equals(this.globalApiKeys.get(email));
	}

}
