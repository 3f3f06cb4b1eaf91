package io.github.cfqueues.client.internal.publish;

import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests against a fresh emulator holding the test queue, started before each test and stopped after it; answers
 * the test held back are released first.
 */
public abstract class EmulatorBackedTests {

	protected final HeldAnswers held = new HeldAnswers();

	protected CloudflareQueuesEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = BatchingPublishers.startEmulator();
	}

	@AfterEach
	void stopEmulator() {
		this.held.release();
		this.emulator.stop();
	}

}
