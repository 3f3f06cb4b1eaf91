package io.github.cfqueues.autoconfigure.local;

import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.autoconfigure.QueueEndpoints;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;

/**
 * Creates the configured queues in an emulator, each under the application's name for it so that the emulator's
 * inspection endpoint shows that name.
 */
public final class EmulatorQueues {

	private EmulatorQueues() {
	}

	/**
	 * Creates every configured queue that the emulator does not hold yet.
	 * @param emulator the emulator
	 * @param endpoints the configured queues, on a connection to that emulator
	 * @return the queues' endpoints, in configuration order
	 */
	public static List<QueueEndpoint> create(CloudflareQueuesEmulator emulator, QueueEndpoints endpoints) {
		List<QueueEndpoint> created = new ArrayList<>();
		for (String name : endpoints.names()) {
			QueueEndpoint queue = endpoints.get(name);
			String cloudflareName = endpoints.cloudflareName(name);
			create(emulator, queue, (cloudflareName != null) ? cloudflareName : name);
			created.add(queue);
		}
		return created;
	}

	/**
	 * Creates the queue under its name (its {@code queue-name}, when configured by name), or under its id when the
	 * name is taken in the account (two names for one queue) or is not one Cloudflare allows.
	 */
	private static void create(CloudflareQueuesEmulator emulator, QueueEndpoint queue, String name) {
		try {
			emulator.createQueue(queue.accountId(), queue.queueId(), name);
		}
		catch (IllegalArgumentException ex) {
			emulator.createQueue(queue.accountId(), queue.queueId());
		}
	}

}
