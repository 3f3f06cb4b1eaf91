package io.github.cfqueues.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cfqueues.autoconfigure.CloudflareQueuesConnectionDetails;
import io.github.cfqueues.autoconfigure.local.LocalCloudflareQueuesConnectionDetails;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.test.shop.ShopApplication;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.cfqueues.test.CloudflareQueuesAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot test of an application whose configuration needs Cloudflare variables that are not set: with
 * {@link EmulatedCloudflareQueues} it starts, connected to an emulator, and its queues can be checked.
 */
@SpringBootTest(classes = ShopApplication.class, properties = { "cloudflare.queues.account-id=${CFQ_TEST_UNSET_ACCOUNT_ID}",
		"cloudflare.queues.api-token=${CFQ_TEST_UNSET_API_TOKEN}", "cloudflare.queues.queue-id=${CFQ_TEST_UNSET_QUEUE_ID}",
		"cloudflare.queues.queues.orders.content-type=text", "spring.main.web-application-type=none" })
@EmulatedCloudflareQueues
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedCloudflareQueuesTests {

	@Autowired
	private EmulatedQueues queues;

	@Autowired
	private QueuePublisher defaultQueue;

	@Autowired
	@Qualifier("orders")
	private QueuePublisher orders;

	@Test
	@Order(1)
	void whatTheApplicationPushedWhileStartingIsThereForTheFirstTest() {
		assertThat(this.queues.queue("orders")).hasReceivedBodies("The shop is open");
	}

	@Test
	@Order(2)
	void eachTestStartsFromEmptyQueues() {
		assertThat(this.queues.queue("orders")).hasReceived(0).holdsNothing();
	}

	@Test
	@Order(3)
	void theApplicationIsConnectedToTheEmulatorAndItsQueuesExistUnderTheirNames(
			@Autowired CloudflareQueuesConnectionDetails connectionDetails,
			@Autowired CloudflareQueuesEmulator emulator) {
		assertThat(connectionDetails.isLocal()).isTrue();
		assertThat(connectionDetails.getBaseUrl()).isEqualTo(emulator.baseUrl());
		assertThat(emulator.queues()).extracting(EmulatedQueue::name).containsExactlyInAnyOrder("default", "orders");
		assertThat(this.queues.emulator()).isSameAs(emulator);
	}

	@Test
	@Order(4)
	void pushesAreCheckedByQueueName() {
		this.defaultQueue.pushJson(new Order1042()).block(Duration.ofSeconds(10));
		this.orders.pushText("Pack order 1042").block(Duration.ofSeconds(10));
		assertThat(this.queues.queue("default")).hasReceivedBodies("{\"id\":1042,\"item\":\"Widget\"}").holds(1);
		assertThat(this.queues.queue("orders")).hasReceivedBodies("Pack order 1042");
	}

	@Test
	@Order(5)
	void whatAConsumerAcknowledgedIsChecked() throws Exception {
		this.orders.pushText("Pack order 1043").block(Duration.ofSeconds(10));
		EmulatedQueue queue = this.queues.queue("orders");
		String path = "/accounts/" + queue.accountId() + "/queues/" + queue.queueId() + "/messages";
		String pulled = post(path + "/pull", "{\"batch_size\":10}");
		Matcher lease = Pattern.compile("\"lease_id\"\\s*:\\s*\"([^\"]+)\"").matcher(pulled);
		assertThat(lease.find()).as(pulled).isTrue();
		post(path + "/ack", "{\"acks\":[{\"lease_id\":\"" + lease.group(1) + "\"}],\"retries\":[]}");
		assertThat(queue).hasAcknowledgedBodies("Pack order 1043").hasAcknowledged(1).holdsNothing();
	}

	private String post(String path, String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.queues.emulator().baseUrl() + path))
			.header("Authorization", "Bearer " + LocalCloudflareQueuesConnectionDetails.API_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	record Order1042(int id, String item) {

		Order1042() {
			this(1042, "Widget");
		}

	}

}
