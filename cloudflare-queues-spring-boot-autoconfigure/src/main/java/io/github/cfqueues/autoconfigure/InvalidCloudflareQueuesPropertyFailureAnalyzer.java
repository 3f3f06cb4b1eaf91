package io.github.cfqueues.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidCloudflareQueuesPropertyException} at startup. Unlike Boot's analyzer for invalid
 * property values, it never looks the value up, so a credential cannot reach the console.
 */
class InvalidCloudflareQueuesPropertyFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidCloudflareQueuesPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCloudflareQueuesPropertyException cause) {
		return new FailureAnalysis(
				"The Cloudflare Queues property '" + cause.getProperty() + "' is invalid: " + cause.getReason(),
				"Review the property '" + cause.getProperty() + "' (for example in application.yml or the "
						+ "environment variable that sets it).",
				cause);
	}

}
