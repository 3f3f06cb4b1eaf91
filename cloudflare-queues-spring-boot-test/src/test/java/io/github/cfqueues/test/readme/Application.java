package io.github.cfqueues.test.readme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The application the README's Testing section tests.
 */
@SpringBootApplication
@PropertySource("classpath:readme/application.properties")
public class Application {

	/**
	 * Runs the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(Application.class, args);
	}

}
