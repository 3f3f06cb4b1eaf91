package io.github.cfqueues.test.readme;

import java.time.Duration;

import io.github.cfqueues.client.QueuePublisher;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Pushes a placed order to the queue named {@code default}.
 */
@Service
class Checkout {

	private final QueuePublisher queue;

	Checkout(QueuePublisher queue) {
		this.queue = queue;
	}

	Mono<Void> placed(Order order) {
		return this.queue.pushJson(order).then();          // reactive: nothing is sent until subscribed
	}

	void placedBlocking(Order order) {                     // Spring MVC, virtual threads, batch jobs
		this.queue.pushJson(order).block(Duration.ofSeconds(30));
	}

}
