package io.github.cfqueues.emulator;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks a request's credentials: {@code Authorization: Bearer <token>}, or {@code X-Auth-Email} with
 * {@code X-Auth-Key}. Missing or wrong credentials fail with 403 and code 10000; both kinds at once fail with 400
 * and code 10000.
 */
final class Authenticator {

	private static final String BEARER_PREFIX = "bearer ";

	private final Credentials credentials;

	Authenticator(Credentials credentials) {
		this.credentials = credentials;
	}

	void authenticate(RequestHeaders headers) {
		String authorization = headers.first("Authorization");
		String email = headers.first("X-Auth-Email");
		String key = headers.first("X-Auth-Key");
		if (authorization != null && (email != null || key != null)) {
			throw ApiErrors.conflictingCredentials();
		}
		boolean accepted = (authorization != null) ? acceptsAuthorization(authorization)
				: acceptsGlobalApiKey(email, key);
		if (!accepted) {
			throw ApiErrors.authenticationFailed();
		}
	}

	private boolean acceptsAuthorization(String authorization) {
		if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER_PREFIX)) {
			return false;
		}
		return this.credentials.acceptsToken(authorization.substring(BEARER_PREFIX.length()).trim());
	}

	private boolean acceptsGlobalApiKey(@Nullable String email, @Nullable String key) {
		return email != null && key != null && this.credentials.acceptsGlobalApiKey(email.trim(), key.trim());
	}

}
