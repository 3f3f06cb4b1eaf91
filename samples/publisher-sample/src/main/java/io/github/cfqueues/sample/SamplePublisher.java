package io.github.cfqueues.sample;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.cfqueues.client.BatchPushResponse;
import io.github.cfqueues.client.MessagePushResponse;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueueMetrics;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.QueuePublisherRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aot.AotDetector;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Pushes a text message, a JSON object, a delayed message and a batch through the primary {@link QueuePublisher},
 * blocking on each answer, and logs the queue's backlog as each answer reports it; then waits until the
 * {@link SampleListener} has received the messages pushed without a delay.
 */
@Component
class SamplePublisher implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(SamplePublisher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * The messages the sample pushes without a delay: a text, a JSON object and a batch of five.
	 */
	static final int IMMEDIATE_MESSAGES = 7;

	private final QueuePublisher publisher;

	private final QueuePublisherRegistry queues;

	private final SampleListener listener;

	SamplePublisher(QueuePublisher publisher, QueuePublisherRegistry queues, SampleListener listener) {
		this.publisher = publisher;
		this.queues = queues;
		this.listener = listener;
	}

	@Override
	public void run(ApplicationArguments args) {
		logger.info("Configured queues: {}{}", this.queues.names(),
				AotDetector.useGeneratedArtifacts() ? " (ahead-of-time processed)" : "");

		MessagePushResponse text = this.publisher.pushText("Hello from the publisher sample").block(TIMEOUT);
		report("a text message", text.metrics());

		MessagePushResponse json = this.publisher.pushJson(new OrderPlaced(1042, "Widget", 3)).block(TIMEOUT);
		report("a JSON object", json.metrics());

		QueueMessage later = QueueMessage.text("Delivered 30 seconds from now").withDelay(Duration.ofSeconds(30));
		MessagePushResponse delayed = this.publisher.push(later).block(TIMEOUT);
		report("a message delayed by 30 s", delayed.metrics());

		List<QueueMessage> messages = IntStream.rangeClosed(1, 5)
			.mapToObj((i) -> QueueMessage.text("Batch message " + i))
			.toList();
		BatchPushResponse batch = this.publisher.pushBatch(messages).block(TIMEOUT);
		report("a batch of " + batch.messageCount() + " in " + batch.requestCount() + " request(s)", batch.metrics());

		if (this.listener.awaitPushedMessages(TIMEOUT)) {
			logger.info("Received and acknowledged all {} messages pushed without a delay", IMMEDIATE_MESSAGES);
		}
		else {
			logger.warn("Not every message came back within {}: is HTTP pull enabled on the queue? "
					+ "(wrangler queues consumer http add <queue>)", TIMEOUT);
		}
	}

	private static void report(String what, QueueMetrics metrics) {
		if (!metrics.isKnown()) {
			logger.info("Pushed {}; the answer carried no backlog metrics", what);
			return;
		}
		logger.info("Pushed {}; backlog now {} message(s), {} bytes, oldest from {}", what, metrics.backlogCount(),
				metrics.backlogBytes(), metrics.oldestMessageTimestamp());
	}

}
