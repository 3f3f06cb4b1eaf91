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
 * blocking on each answer, and logs the queue's backlog as each answer reports it.
 */
@Component
class SamplePublisher implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(SamplePublisher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final QueuePublisher publisher;

	private final QueuePublisherRegistry queues;

	SamplePublisher(QueuePublisher publisher, QueuePublisherRegistry queues) {
		this.publisher = publisher;
		this.queues = queues;
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
