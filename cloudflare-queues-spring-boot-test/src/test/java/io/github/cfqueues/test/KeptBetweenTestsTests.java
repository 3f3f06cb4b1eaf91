package io.github.cfqueues.test;

import io.github.cfqueues.test.shop.ShopApplication;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;

/**
 * With the reset turned off, what the application pushed while starting stays for every test method.
 */
@SpringBootTest(classes = ShopApplication.class,
		properties = { "cloudflare.queues.queues.orders.content-type=text", "spring.main.web-application-type=none" })
@EmulatedCloudflareQueues(resetAfterEachTest = false)
class KeptBetweenTestsTests {

	@RepeatedTest(2)
	void theStartupPushIsThereEachTime(@Autowired EmulatedQueues queues) {
		assertThat(queues.queue("orders")).hasReceivedBodies("The shop is open");
	}

}
