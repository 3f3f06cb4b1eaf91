package io.github.cfqueues.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the properties name an account for queues that name none, with credentials for it (or local mode
 * is on, which brings both): the account the {@code queueAdmin} bean manages.
 */
class OnDefaultAccountCondition extends SpringBootCondition {

	private static final String PREFIX = CloudflareQueuesProperties.PREFIX;

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		if (binder.bind(PREFIX + ".local.enabled", Boolean.class).orElse(false)) {
			return ConditionOutcome.match("local mode is on");
		}
		boolean account = hasText(binder, "account-id");
		boolean credentials = hasText(binder, "api-token") || (hasText(binder, "email") && hasText(binder, "api-key"));
		if (account && credentials) {
			return ConditionOutcome.match(PREFIX + ".account-id and its credentials are set");
		}
		return ConditionOutcome
			.noMatch(PREFIX + ".account-id " + (account ? "is set without credentials" : "is not set"));
	}

	private static boolean hasText(Binder binder, String property) {
		return binder.bind(PREFIX + "." + property, String.class).map((value) -> !value.isBlank()).orElse(false);
	}

}
