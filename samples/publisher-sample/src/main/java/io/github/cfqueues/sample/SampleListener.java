package io.github.cfqueues.sample;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.listener.QueueListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Receives the messages the sample pushes to the primary queue. Each is acknowledged when this method returns.
 */
@Component
class SampleListener {

	private static final Logger logger = LoggerFactory.getLogger(SampleListener.class);

	private final CountDownLatch expected = new CountDownLatch(SamplePublisher.IMMEDIATE_MESSAGES);

	@QueueListener("default")
	void received(ReceivedMessage message) {
		logger.info("Received {} message {} (attempt {}): {}; acknowledging it", message.contentTypeName(),
				message.id(), message.attempts(), message.bodyAsText());
		this.expected.countDown();
	}

	/**
	 * Waits until every message pushed without a delay has been received.
	 * @param timeout the longest wait
	 * @return whether they all arrived in time
	 */
	boolean awaitPushedMessages(Duration timeout) {
		try {
			return this.expected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
