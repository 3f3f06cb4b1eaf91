package io.github.cfqueues.autoconfigure.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.github.cfqueues.client.CloudflareQueuesClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * One {@link QueueHealthIndicator} per queue, by the queue's name: the configured queues, then any other queue the
 * client has made a publisher or consumer for since.
 */
final class CloudflareQueuesHealthContributor implements CompositeHealthContributor {

	private final CloudflareQueuesClient client;

	private final List<String> configured;

	private final @Nullable ActiveCheckSettings active;

	private final Map<String, QueueHealthIndicator> indicators = new ConcurrentHashMap<>();

	CloudflareQueuesHealthContributor(CloudflareQueuesClient client, List<String> configured,
			@Nullable ActiveCheckSettings active) {
		this.client = client;
		this.configured = List.copyOf(configured);
		this.active = active;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return names().contains(name) ? indicator(name) : null;
	}

	@Override
	public Stream<Entry> stream() {
		return names().stream().map((name) -> new Entry(name, indicator(name)));
	}

	private Set<String> names() {
		Set<String> names = new LinkedHashSet<>(this.configured);
		names.addAll(this.client.statuses().keySet());
		return names;
	}

	private QueueHealthIndicator indicator(String name) {
		return this.indicators.computeIfAbsent(name, (queueName) -> new QueueHealthIndicator(this.client, queueName,
				(this.active != null) ? new ActiveQueueCheck(() -> this.client.metrics(queueName), this.active,
						System::nanoTime) : null));
	}

}
