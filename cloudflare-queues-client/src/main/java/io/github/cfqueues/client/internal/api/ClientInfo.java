package io.github.cfqueues.client.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This library's name and version, for the {@code User-Agent} header.
 */
final class ClientInfo {

	/**
	 * The resource holding the name and version, as a classpath location.
	 */
	static final String RESOURCE = "io/github/cfqueues/client/internal/api/client.properties";

	static final String USER_AGENT = load();

	private ClientInfo() {
	}

	private static String load() {
		Properties properties = new Properties();
		try (InputStream in = ClientInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("name", "cloudflare-queues-client") + "/"
				+ properties.getProperty("version", "unknown") + " (Java " + System.getProperty("java.version") + ")";
	}

}
