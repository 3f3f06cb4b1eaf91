package io.github.cfqueues.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Cloudflare credentials in the actuator's {@code env} and {@code configprops} endpoints, also when they show
 * values ({@code management.endpoint.*.show-values=always}): the API tokens and keys under
 * {@code cloudflare.queues}, a queue's own included, in any form the environment holds them
 * ({@code cloudflare.queues.api-token}, {@code CLOUDFLARE_QUEUES_API_TOKEN}, {@code apiToken}), and the
 * {@code CLOUDFLARE_API_TOKEN} and {@code CLOUDFLARE_API_KEY} variables that Cloudflare's tools read.
 */
public class CloudflareCredentialsSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isCredential(data.getKey()) ? data.withSanitizedValue() : data;
	}

	private static boolean isCredential(String key) {
		String uniform = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return uniform.startsWith("cloudflare") && (uniform.endsWith("apitoken") || uniform.endsWith("apikey"));
	}

}
