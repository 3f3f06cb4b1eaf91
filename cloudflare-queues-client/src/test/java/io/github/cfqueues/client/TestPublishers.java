package io.github.cfqueues.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cfqueues.client.internal.api.CloudflareQueuesApi;
import io.github.cfqueues.client.internal.consume.DefaultQueueConsumer;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.publish.MessageEncoder;
import io.github.cfqueues.client.internal.publish.QueueSender;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds publishers against a test server, with a real {@link WebClient}.
 */
public final class TestPublishers {

	public static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	public static final String QUEUE = "fedcba9876543210fedcba9876543210";

	public static final String TOKEN = "test-token-do-not-leak-4711";

	public static final String MESSAGES_PATH = "/client/v4/accounts/" + ACCOUNT + "/queues/" + QUEUE + "/messages";

	public static final String BATCH_PATH = MESSAGES_PATH + "/batch";

	public static final String PULL_PATH = MESSAGES_PATH + "/pull";

	public static final String ACK_PATH = MESSAGES_PATH + "/ack";

	private String baseUrl;

	private CloudflareCredentials credentials = CloudflareCredentials.apiToken(TOKEN);

	private QueuePublisherOptions options = QueuePublisherOptions.DEFAULTS;

	private RetrySettings retry = RetrySettings.none();

	private Duration requestTimeout = Duration.ofSeconds(5);

	private BodySerializer serializer = new JacksonBodySerializer(new JsonMapper());

	private final List<Duration> retryWaits = new CopyOnWriteArrayList<>();

	private RequestGate gate = RequestGate.OPEN;

	private String queueName = "orders";

	private String queueId = QUEUE;

	private WebClient webClient = WebClient.builder().build();

	private TestPublishers(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static TestPublishers at(String serverBaseUrl) {
		return new TestPublishers(serverBaseUrl + "/client/v4");
	}

	public TestPublishers credentials(CloudflareCredentials credentials) {
		this.credentials = credentials;
		return this;
	}

	public TestPublishers options(QueuePublisherOptions options) {
		this.options = options;
		return this;
	}

	public TestPublishers retry(RetrySettings retry) {
		this.retry = retry;
		return this;
	}

	public TestPublishers requestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
		return this;
	}

	public TestPublishers gate(RequestGate gate) {
		this.gate = gate;
		return this;
	}

	public TestPublishers queue(String name, String id) {
		this.queueName = name;
		this.queueId = id;
		return this;
	}

	public TestPublishers webClient(WebClient webClient) {
		this.webClient = webClient;
		return this;
	}

	public TestPublishers serializer(BodySerializer serializer) {
		this.serializer = serializer;
		return this;
	}

	/**
	 * The waits the retry policy chose, in order, for the publishers built so far.
	 * @return the waits
	 */
	public List<Duration> retryWaits() {
		return this.retryWaits;
	}

	public QueueEndpoint endpoint() {
		return new QueueEndpoint(this.queueName, ACCOUNT, this.queueId, this.credentials);
	}

	public CloudflareQueuesApi api() {
		return new CloudflareQueuesApi(this.webClient, URI.create(this.baseUrl), this.requestTimeout);
	}

	public QueueSender sender() {
		RetryListener listener = (failure, attempt, wait) -> this.retryWaits.add(wait);
		return new QueueSender(endpoint(), api(), this.gate, new RetryPolicy(this.retry), listener);
	}

	/**
	 * A consumer of the test queue with the given options, sharing this builder's server, retry and gate.
	 * @param options the options
	 * @return the consumer
	 */
	public QueueConsumer consumer(QueueConsumerOptions options) {
		return new DefaultQueueConsumer(sender(), options, this.serializer, null);
	}

	public QueuePublisher build() {
		QueueEndpoint endpoint = endpoint();
		return new DefaultQueuePublisher(new MessageEncoder(endpoint, this.options, this.serializer), sender(),
				new FlowController(FlowControlSettings.DEFAULTS, endpoint));
	}

}
