package io.github.cfqueues.sample;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.util.StringUtils;

/**
 * Pushes a few messages, prints what Cloudflare answered, and ends. Without {@code CLOUDFLARE_API_TOKEN} it runs
 * in local mode, against an emulator embedded in the application; see {@code application.yml}.
 */
@SpringBootApplication
public class PublisherSampleApplication {

	static final String LOCAL_MODE_PROPERTY = "cloudflare.queues.local.enabled";

	/**
	 * Runs the sample; it ends when its pushes are done.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(PublisherSampleApplication.class);
		application.setDefaultProperties(Map.of(LOCAL_MODE_PROPERTY, localMode(System.getenv())));
		application.run(args);
	}

	/**
	 * Local mode unless an API token is set: a default, so that the property set anywhere else wins.
	 * @param environment the environment variables
	 * @return whether to run against the embedded emulator
	 */
	static boolean localMode(Map<String, String> environment) {
		return !StringUtils.hasText(environment.get("CLOUDFLARE_API_TOKEN"));
	}

}
