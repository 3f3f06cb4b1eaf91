package io.github.cfqueues.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A started emulator on a test clock, holding the test queue, with a client for it: started before each test and
 * stopped after it.
 */
abstract class RunningEmulator {

	protected final MutableClock clock = new MutableClock();

	protected CloudflareQueuesEmulator emulator;

	protected EmulatedQueue queue;

	protected ApiClient client;

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN).clock(this.clock).start();
		this.queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		this.client = new ApiClient(this.emulator);
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

}
