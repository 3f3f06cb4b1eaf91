package io.github.cfqueues.test;

import java.util.Map;

import io.github.cfqueues.autoconfigure.CloudflareQueuesConnectionDetails;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.test.shop.ShopApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application configured for local mode, with credentials set (as a CI server may have them), is tested
 * against the test's emulator: local mode's own emulator and its refusal of credentials stand aside.
 */
@SpringBootTest(classes = ShopApplication.class,
		properties = { "cloudflare.queues.local.enabled=true", "cloudflare.queues.api-token=real-looking-token-0042",
				"cloudflare.queues.queues.orders.queue-id=", "spring.main.web-application-type=none" })
@EmulatedCloudflareQueues
class LocalModeUnderTestTests {

	@Test
	void startsWithTheTestsEmulatorOnly(@Autowired CloudflareQueuesConnectionDetails connectionDetails,
			@Autowired EmulatedQueues queues) {
		assertThat(connectionDetails.getBaseUrl()).isEqualTo(queues.emulator().baseUrl());
		assertThat(queues.emulator().queues()).hasSize(1);
	}

	@Test
	void oneEmulatorOnly(@Autowired Map<String, CloudflareQueuesEmulator> emulators) {
		assertThat(emulators).hasSize(1);
	}

}
