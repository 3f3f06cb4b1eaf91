package io.github.cfqueues.sample.quickstart;

import java.time.Duration;

import io.github.cfqueues.client.QueuePublisher;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Places an order through {@link Checkout}, pushes to the queue {@code orders}, and ends.
 */
@SpringBootApplication
public class QuickstartApplication {

	/**
	 * Runs the application; it ends when its runner is done.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(QuickstartApplication.class, args);
	}

	@Bean
	ApplicationRunner placeAnOrder(Checkout checkout, @Qualifier("orders") QueuePublisher orders) {
		return (args) -> {
			checkout.placedBlocking(new Order(1042, "Widget"));
			orders.pushText("Pack order 1042").block(Duration.ofSeconds(30));
		};
	}

}
