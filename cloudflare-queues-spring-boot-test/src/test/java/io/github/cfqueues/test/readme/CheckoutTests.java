package io.github.cfqueues.test.readme;

import io.github.cfqueues.test.EmulatedCloudflareQueues;
import io.github.cfqueues.test.EmulatedQueues;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;

/**
 * The README's example of a test against the emulator.
 */
@SpringBootTest
@EmulatedCloudflareQueues
class CheckoutTests {

	@Autowired
	EmulatedQueues queues;

	@Test
	void placingAnOrderPushesIt(@Autowired Checkout checkout) {
		checkout.placedBlocking(new Order(1042, "Widget"));
		assertThat(this.queues.queue("default")).hasReceivedBodies("{\"id\":1042,\"item\":\"Widget\"}").holds(1);
	}

}
