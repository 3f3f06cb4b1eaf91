package io.github.cfqueues.client.internal.publish;

import io.github.cfqueues.client.BatchingSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.client.FlowControlSettings;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.internal.ratelimit.RequestGate;
import io.github.cfqueues.client.RetryListener;
import io.github.cfqueues.client.internal.retry.RetryPolicy;
import io.github.cfqueues.client.RetrySettings;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.RecordedRequest;
import io.github.cfqueues.emulator.StoredMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@link BatchingQueuePublisher batching publishers} against a test server, with a real
 * {@link org.springframework.web.reactive.function.client.WebClient} and no rate limiting.
 */
public final class BatchingPublishers {

	private static final JsonMapper JSON = new JsonMapper();

	private final TestPublishers server;

	private BatchingSettings batching = BatchingSettings.DEFAULTS;

	private FlowControlSettings flowControl = FlowControlSettings.DEFAULTS;

	private RetrySettings retry = RetrySettings.none();

	private QueuePublisherOptions options = QueuePublisherOptions.DEFAULTS;

	private RequestGate gate = RequestGate.OPEN;

	private BatchingPublishers(String serverBaseUrl) {
		this.server = TestPublishers.at(serverBaseUrl);
	}

	/**
	 * Publishers for a server whose API lives under {@code <serverBaseUrl>/client/v4}.
	 * @param serverBaseUrl the server's root URL
	 * @return the builder
	 */
	public static BatchingPublishers at(String serverBaseUrl) {
		return new BatchingPublishers(serverBaseUrl);
	}

	/**
	 * Publishers for the emulator's queue {@link TestPublishers#ACCOUNT}/{@link TestPublishers#QUEUE}.
	 * @param emulator the emulator
	 * @return the builder
	 */
	public static BatchingPublishers at(CloudflareQueuesEmulator emulator) {
		return at("http://127.0.0.1:" + emulator.port());
	}

	/**
	 * A running emulator that accepts {@link TestPublishers#TOKEN} and holds the test queue.
	 * @return the emulator
	 */
	public static CloudflareQueuesEmulator startEmulator() {
		return CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE)
			.start();
	}

	public BatchingPublishers batching(int maxMessages, long maxBytes, Duration maxWait, int maxInFlight) {
		this.batching = new BatchingSettings(maxMessages, maxBytes, maxWait, maxInFlight);
		return this;
	}

	public BatchingPublishers flowControl(FlowControlSettings flowControl) {
		this.flowControl = flowControl;
		return this;
	}

	public BatchingPublishers retry(RetrySettings retry) {
		this.retry = retry;
		return this;
	}

	public BatchingPublishers requestTimeout(Duration requestTimeout) {
		this.server.requestTimeout(requestTimeout);
		return this;
	}

	public BatchingPublishers gate(RequestGate gate) {
		this.gate = gate;
		return this;
	}

	public BatchingPublishers options(QueuePublisherOptions options) {
		this.options = options;
		return this;
	}

	public BatchingQueuePublisher build() {
		QueueEndpoint endpoint = this.server.endpoint();
		MessageEncoder encoder = new MessageEncoder(endpoint, this.options, new JacksonBodySerializer(new JsonMapper()));
		QueueSender sender = new QueueSender(endpoint, this.server.api(), this.gate,
				new RetryPolicy(this.retry), RetryListener.NONE);
		FlowController flow = new FlowController(this.flowControl, endpoint);
		return new BatchingQueuePublisher(new DefaultQueuePublisher(encoder, sender, flow), this.batching);
	}

	/**
	 * The flow control of a publisher made here or by {@link TestPublishers}, to see what it holds.
	 * @param publisher the publisher
	 * @return its flow control
	 */
	public static FlowController flowOf(QueuePublisher publisher) {
		return (publisher instanceof BatchingQueuePublisher batching) ? batching.flow
				: ((DefaultQueuePublisher) publisher).flow;
	}

	/**
	 * Retries that wait almost nothing.
	 * @param maxAttempts the most attempts
	 * @return the settings
	 */
	public static RetrySettings fastRetries(int maxAttempts) {
		return new RetrySettings(maxAttempts, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, 0.5,
				Duration.ofSeconds(5));
	}

	/**
	 * The bodies of the messages of each batch request the emulator received, in the order it decided them,
	 * whatever it answered.
	 * @param emulator the emulator
	 * @return the bodies, one list per request
	 */
	public static List<List<String>> sentBatches(CloudflareQueuesEmulator emulator) {
		List<List<String>> batches = new ArrayList<>();
		for (RecordedRequest request : emulator.requests()) {
			if (request.path().equals(TestPublishers.BATCH_PATH)) {
				List<String> bodies = new ArrayList<>();
				for (JsonNode message : JSON.readTree(request.body()).get("messages")) {
					JsonNode body = message.get("body");
					bodies.add(body.isString() ? body.asString() : body.toString());
				}
				batches.add(bodies);
			}
		}
		return batches;
	}

	/**
	 * The messages the emulator stored in the test queue, in arrival order.
	 * @param emulator the emulator
	 * @return the messages
	 */
	public static List<StoredMessage> stored(CloudflareQueuesEmulator emulator) {
		return emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE).orElseThrow().messages();
	}

	/**
	 * The bodies the emulator stored in the test queue, in arrival order.
	 * @param emulator the emulator
	 * @return the bodies
	 */
	public static List<String> storedBodies(CloudflareQueuesEmulator emulator) {
		return stored(emulator).stream().map(StoredMessage::body).toList();
	}

	/**
	 * Subscribes to a push of each message, in order, without waiting for any answer.
	 * @param publisher the publisher
	 * @param messages the messages
	 * @return each push's outcome, in the same order
	 */
	public static List<CompletableFuture<MessagePushResponse>> pushWithoutWaiting(QueuePublisher publisher,
			List<QueueMessage> messages) {
		return messages.stream().map((message) -> publisher.push(message).toFuture()).toList();
	}

	/**
	 * Text messages {@code m<from>} to {@code m<to - 1>}.
	 * @param from the first number
	 * @param to after the last number
	 * @return the messages
	 */
	public static List<QueueMessage> texts(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> QueueMessage.text("m" + i)).toList();
	}

	/**
	 * The bodies {@code m<from>} to {@code m<to - 1>}.
	 * @param from the first number
	 * @param to after the last number
	 * @return the bodies
	 */
	public static List<String> bodies(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "m" + i).toList();
	}

	/**
	 * A text message whose size by the size rule (UTF-8 body bytes + 100) is exactly {@code size}, starting with
	 * {@code name}.
	 * @param name the start of the body
	 * @param size the size
	 * @return the message
	 */
	public static QueueMessage textOfSize(String name, int size) {
		return QueueMessage.text(name + "x".repeat(size - 100 - name.length()));
	}

	/**
	 * The error a push failed with, waiting for it up to ten seconds.
	 * @param push the push's outcome
	 * @return the error
	 * @throws AssertionError if the push succeeded or did not end in time
	 */
	public static Throwable failure(CompletableFuture<?> push) {
		try {
			push.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The push did not end within 10 seconds", ex);
		}
		throw new AssertionError("Expected the push to fail, but it succeeded");
	}

}
