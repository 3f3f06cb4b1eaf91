package io.github.cfqueues.test;

import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.autoconfigure.local.EmulatorQueues;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The application's queues in the emulator it is connected to, found by the names {@code cloudflare.queues.*} gives
 * them. Once every bean is created, each configured queue is created in the emulator under its name, so that the
 * emulator's inspection endpoint shows that name.
 */
public final class EmulatedQueues implements SmartInitializingSingleton {

	private final CloudflareQueuesEmulator emulator;

	private final ObjectProvider<QueueEndpoints> endpoints;

	EmulatedQueues(CloudflareQueuesEmulator emulator, ObjectProvider<QueueEndpoints> endpoints) {
		this.emulator = emulator;
		this.endpoints = endpoints;
	}

	@Override
	public void afterSingletonsInstantiated() {
		QueueEndpoints endpoints = this.endpoints.getIfAvailable();
		if (endpoints != null) {
			EmulatorQueues.create(this.emulator, endpoints);
		}
	}

	/**
	 * A configured queue.
	 * @param name the queue's name in the application ({@code default} for the top-level {@code queue-id})
	 * @return the queue in the emulator, created if it did not exist yet
	 * @throws IllegalArgumentException if no queue of that name is configured
	 */
	public EmulatedQueue queue(String name) {
		QueueEndpoint endpoint = this.endpoints.getObject().get(name);
		return this.emulator.queue(endpoint.accountId(), endpoint.queueId())
			.orElseGet(() -> this.emulator.createQueue(endpoint.accountId(), endpoint.queueId()));
	}

	/**
	 * The emulator, for what this class does not cover: fault injection, requests received, other accounts.
	 * @return the emulator
	 */
	public CloudflareQueuesEmulator emulator() {
		return this.emulator;
	}

	/**
	 * Empties every queue and forgets what it received, was acknowledged, retried, dead-lettered or dropped; the
	 * queues and their settings stay. Done after each test method of an {@link EmulatedCloudflareQueues} test.
	 */
	public void reset() {
		this.emulator.reset();
	}

}
