package io.github.cfqueues.sample.quickstart;

import io.github.cfqueues.test.EmulatedCloudflareQueues;
import io.github.cfqueues.test.EmulatedQueues;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;

/**
 * The Quick start application under test, against the test support's emulator: what its runner pushed while it
 * started is in the queues.
 */
@SpringBootTest
@EmulatedCloudflareQueues
class QuickstartApplicationTests {

	@Test
	void theRunnerPlacedAnOrderAndAskedForItToBePacked(@Autowired EmulatedQueues queues) {
		assertThat(queues.queue("default")).hasReceivedBodies("{\"id\":1042,\"item\":\"Widget\"}");
		assertThat(queues.queue("orders")).hasReceivedBodies("Pack order 1042");
	}

}
