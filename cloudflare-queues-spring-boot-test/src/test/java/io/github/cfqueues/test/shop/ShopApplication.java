package io.github.cfqueues.test.shop;

import java.time.Duration;

import io.github.cfqueues.client.QueuePublisher;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application as a user writes it: its configuration names queues through variables that are not set here,
 * and it pushes one message while it starts.
 */
@SpringBootApplication
public class ShopApplication {

	/**
	 * Runs the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ShopApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

	@Bean
	ApplicationRunner announceOpening(@Qualifier("orders") QueuePublisher orders) {
		return (args) -> orders.pushText("The shop is open").block(Duration.ofSeconds(10));
	}

}
