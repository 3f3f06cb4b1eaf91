package io.github.cfqueues.autoconfigure.local;

import java.util.Comparator;
import java.util.stream.Collectors;

import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Says, as the application context closes, what the local mode emulator received: once it stops, its messages are
 * gone, and a command-line application ends before anyone could look. Destroyed before the emulator it depends on,
 * after the publishers have sent what they held.
 */
final class LocalModeReport implements DisposableBean {

	private static final Log logger = LogFactory.getLog(LocalModeReport.class);

	private final CloudflareQueuesEmulator emulator;

	LocalModeReport(CloudflareQueuesEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public void destroy() {
		if (this.emulator.isRunning()) {
			logger.info("Cloudflare Queues LOCAL MODE: the emulator stops, and the messages it holds are dropped; "
					+ "messages received by queue: " + this.emulator.queues()
						.stream()
						.sorted(Comparator.comparing(EmulatedQueue::name))
						.map((queue) -> queue.name() + "=" + queue.received().size())
						.collect(Collectors.joining(", ", "{", "}")));
		}
	}

}
